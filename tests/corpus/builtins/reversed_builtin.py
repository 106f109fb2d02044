# requires: BUILTIN_REVERSED
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed(())))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 10
print(list(reversed(Seq())))
class Rev:
    def __reversed__(self):
        return iter("custom")
print(list(reversed(Rev())))
try:
    reversed(5)
except TypeError:
    print("TypeError")
