class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError
        return i * i
print(list(Squares()), 9 in Squares(), 10 in Squares())
for v in Squares():
    print(v, end=" ")
print()
a, b, *c = Squares()
print(a, b, c)
class Slicer:
    def __getitem__(self, s):
        return (s.start, s.stop, s.step) if isinstance(s, slice) else s
print(Slicer()[1:9:2], Slicer()[::-1], Slicer()[4])
