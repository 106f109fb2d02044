# requires: MODULE_IO MODULE_SYS
# print(file=obj) calls obj.write() once per argument, separator and end (as CPython does),
# and io.IOBase is a base for stream classes written in Python.
import io
import sys


class Rec(io.IOBase):
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)


r = Rec()
print("test", file=r)
print(file=r)
print("x", end="", file=r)
print(1, 2, None, sep="", file=r)
print(*[], sep="+", end="E", file=r)
print("a", "b", sep=None, end=None, file=r)
print(r.parts, isinstance(r, io.IOBase))


class Plain:
    def __init__(self):
        self.n = 0

    def write(self, s):
        self.n += 1


p = Plain()
print("a", "b", "c", file=p)
print(p.n)
s = io.StringIO()
print("h", "i", sep=", ", file=s)
print(repr(s.getvalue()))
print("to stdout", file=sys.stdout)
print("to none", file=None)
try:
    print("x", file=1)
except AttributeError:
    print("AttributeError")


class Bare(io.IOBase):
    pass


b = Bare()
print(type(b).__name__, isinstance(b, io.IOBase))
try:
    print("x", file=b)
except AttributeError:
    print("AttributeError")
