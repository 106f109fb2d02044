s = slice(1, 8, 2)
print(s.start, s.stop, s.step)
print(list(range(10))[s], "abcdefghij"[s])
print(slice(3), slice(None, 3).stop, slice(1, 2).step)
print(s.indices(5), slice(None, None, -1).indices(4), slice(-3, None).indices(10))
class Probe:
    def __getitem__(self, k):
        return k
p = Probe()
print(p[1:2], p[::3], p[1:2, 3], p[...], p[:])
print(slice(1, 2) == slice(1, 2))
