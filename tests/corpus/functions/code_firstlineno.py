# requires: COMPILER BUILTIN_HELPERS COMPILER_INTROSPECTION
# co_firstlineno as CPython 3.11 gives it: the line of the def, lambda or class statement,
# of its first decorator when decorated (read where the enclosing code makes the function),
# 1 for a module; code reprs carry it too.


def deco(*args):
    if len(args) == 1 and callable(args[0]):
        return args[0]
    return lambda f: f


def plain():
    pass


@deco
@deco
def decorated():
    pass


@deco(
    1,
    2,
)
def called_deco():
    pass


def long_params(
    a,
    b=3,
):
    return a


one = lambda: 0  # noqa: E731


class K:
    @staticmethod
    def sm():
        pass

    @deco
    def m(self):

        return 1

    def n(self):
        def inner():
            pass

        return inner


for f in (plain, decorated, called_deco, long_params, one, K.sm, K.m, K().n(), K().n):
    print(f.__name__, f.__code__.co_firstlineno)
print(repr(plain.__code__).split(" at ")[0], repr(plain.__code__).split(", ")[-1])

ns = {}
exec("x = 1\n\n@staticmethod\ndef f():\n    pass\n\ndef g(): pass\n", ns)
print(ns["f"].__func__.__code__.co_firstlineno, ns["g"].__code__.co_firstlineno)
code = compile("\n\ndef h():\n    return 1\n", "<s>", "exec")
print(code.co_firstlineno)
