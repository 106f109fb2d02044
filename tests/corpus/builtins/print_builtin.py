# requires: MODULE_SYS
import sys
print("a", "b", sep="", end="\n")
print("x", 1, None, sep=" | ")
print("to stdout", file=sys.stdout)
print("err is not compared", file=sys.stderr)
print(1, 2, 3, sep=None, end=None)
print(*range(5))
print(*"abc", sep=".")
print("", end="")
print("a\nb")
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
print("into", "writer", file=w, sep="_")
print(repr("".join(w.parts)))
