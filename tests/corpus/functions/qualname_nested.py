# requires: COMPILER GENERATORS COMPILER_INTROSPECTION
# __qualname__ as CPython 3.11 makes it (kept outside the code: an .mpy has simple names):
# a def inside a def gets ".<locals>.", a method its class's name, a nested class its outer
# class's, a lambda in a comprehension the comprehension's; the reprs of functions, classes,
# instances and generators, code.co_qualname, and exec'd code.


def outer():
    def inner():
        return lambda: 0

    class K:
        def m(self):
            return [lambda: 1 for _ in "a"][0]

        class L:
            pass

    return inner, K


def short(r):
    return r.split(" at ")[0]


inner, K = outer()
print(outer.__qualname__, inner.__qualname__, inner().__qualname__)
print(K.__name__, K.__qualname__, K.m.__qualname__, K.L.__qualname__)
print(K().m().__qualname__)
print(short(repr(inner)), short(repr(K.L())), repr(K.L))
print(inner.__code__.co_name, inner.__code__.co_qualname, outer.__code__.co_qualname)


class Top:
    def meth(self):
        pass

    class Mid:
        class Low:
            def deep(self):
                def innermost():
                    pass

                return innermost


print(Top.meth.__qualname__, Top.Mid.Low.__qualname__, Top.Mid.Low().deep().__qualname__)
print(repr(Top.Mid.Low))


class Named:
    __qualname__ = "Other"


print(Named.__name__, Named.__qualname__, repr(Named))


class Outer:
    class Error(Exception):
        pass


print(type(Outer.Error("x")).__qualname__, repr(Outer.Error("x")))


def gen_maker():
    def gen():
        yield 1

    return gen()


print(short(repr(gen_maker())))

ns = {}
exec("def a():\n    def b():\n        pass\n    return b\nclass Q:\n    def r(self):\n        pass\n", ns)
print(ns["a"]().__qualname__, ns["Q"].r.__qualname__, ns["Q"].__qualname__)
code = compile("def a():\n    def b(): pass\n", "<s>", "exec")
print(code.co_qualname)
rebuilt = type(inner)(outer.__code__, {})
print(rebuilt.__qualname__, rebuilt.__name__)
