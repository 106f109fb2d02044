# requires: BUILTIN_REVERSED FLOAT ERROR_MSG_DETAILED
# Arity errors of builtin constructors in CPython's words ("range expected at least 1
# argument, got 0"), and of dict.update, which shares dict()'s argument handling.
def t(f, *a, **k):
    try:
        f(*a, **k)
        print("ok")
    except TypeError as e:
        print(e)


for c in (bool, dict, float, range, slice, reversed, classmethod, staticmethod):
    t(c, 1, 2, 3, 4, 5)
for c in (range, slice, reversed, classmethod, staticmethod):
    t(c)
t({}.update, 1, 2)
t({}.update, a=1)
t(dict, a=1)
t(bool, x=1)
t(range, 3, stop=4)
