# requires: BUILTIN_HELPERS
# f.__code__ and type(f)(code, globals): the same code run in other globals; bad arguments
# are TypeErrors; the code object names its function.
def f():
    return a * 2


def g(x, y=1, *, z):
    return x + y + z


ftype = type(f)
code = f.__code__
print(type(ftype(code, {})) is ftype)
f1 = ftype(code, {"a": 1})
f2 = ftype(code, {"a": "ab"})
print(f1(), f2(), f1.__name__)
try:
    ftype(code, {})()
except NameError:
    print("NameError")
for bad in ((None, {}), (code, None), (code, []), (1, 2)):
    try:
        ftype(*bad)
    except TypeError:
        print("TypeError")
print(code.co_name, g.__code__.co_name, (lambda: 0).__code__.co_name)
print(code.co_filename.endswith(".py"), type(code.co_firstlineno))
print(g.__code__.co_argcount, g.__code__.co_kwonlyargcount)
print(type(code.co_code), len(code.co_code) > 0)
try:
    code.co_name = "x"
except AttributeError:
    print("AttributeError")
