class MyList(list):
    def total(self):
        return sum(self)
m = MyList([1, 2, 3])
m.append(4)
print(m, m.total(), len(m), isinstance(m, list), m[1:3])
class MyDict(dict):
    def __missing__(self, k):
        return "missing:" + str(k)
d = MyDict(a=1)
print(d["a"], d["zz"], len(d))
class Str(str):
    def shout(self):
        return self.upper() + "!"
s = Str("hey")
print(s.shout(), s + "x", len(s), s == "hey")
class MyInt(int):
    def double(self):
        return self * 2
print(MyInt(21).double(), MyInt(5) + 1, type(MyInt(5) + 1).__name__)
