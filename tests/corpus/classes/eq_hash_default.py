class P:
    pass
a, b = P(), P()
print(a == a, a == b, a != b, a is a)
s = {}
s[a] = 1
s[b] = 2
print(len(s), s[a], s[b])
class Q:
    def __eq__(self, o):
        return True
print(Q() == 1, Q() != 1, 1 == Q())
try:
    {Q(): 1}
except TypeError:
    print("unhashable after __eq__")
