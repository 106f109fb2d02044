class It:
    def __iter__(self):
        return iter([1, 2, 3])
print(2 in It(), 5 in It(), 5 not in It())
class GI:
    def __getitem__(self, i):
        if i > 3:
            raise IndexError(i)
        return i * 2
print(6 in GI(), 7 in GI())
