# requires: COMPILER BUILTIN_HELPERS FUNCTION_CLOSURE BUILTIN_SET
# Code objects compare and hash as the same code (f.__code__ == f.__code__, a set of them),
# and exec()'s TypeError texts for its argument counts and keywords, as CPython 3.11's.
def f(): pass
def g(): pass
print(f.__code__ == f.__code__, f.__code__ != f.__code__, f.__code__ == g.__code__, hash(f.__code__) == hash(f.__code__), f.__code__ == 1)
print(len({f.__code__, f.__code__, g.__code__}))
c = compile("x = 1", "f", "exec")
print(c == c, c in [c], c == compile("x = 2", "f", "exec"))
d = {}
exec("def h(): pass", d)
print(d["h"].__code__ == d["h"].__code__)
for a in ([], [1, 2, 3, 4], "x"):
    try:
        exec(*a) if a != "x" else exec("1", globals=None)
    except TypeError as e:
        print(e)
try:
    exec("1", {}, {}, {})
except TypeError as e:
    print(e)
try:
    exec(foo=1)
except TypeError as e:
    print(e)
