# requires: COMPILER GENERATORS
# A name declared global in a function is global in the functions, lambdas, comprehensions
# and class bodies nested in it, even where an enclosing function binds the same name: the
# compiler closed over the enclosing function's local instead (exec'd, and as source).
v = "global"


def outer():
    v = "outer's local"

    def middle():
        global v

        def inner():
            return v

        class C:
            y = v

            def m(self):
                return v

        return inner(), C.y, C().m(), [v for c in "a"], list(v for c in "a"), (lambda: v)()

    return v, middle()


print(outer())
src = """
def outer2():
    w = "outer2's local"
    def middle():
        global w
        w = "set by middle"
        return (lambda: w)(), [w for c in "ab"]
    return middle(), w
print(outer2(), w)
"""
exec(src, {"__name__": "m"})
