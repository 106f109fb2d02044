print(str(), str(1), str(-1), str("s"), str([1, "a"]), str((1,)), str(None), str(True), str(b"b"))
print(str(b"abc", "utf-8"), str(object) == repr(object), str(str))
class A:
    def __str__(self):
        return "A!"
print(str(A()), [str(A())])
