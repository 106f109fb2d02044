# Comparisons and `in` of lists and tuples whose items' __eq__ grows, shrinks or replaces
# the list being compared (which moves its items): every step reads the list afresh, as
# CPython, never the block the list had before.
A = [0, 1]


class Grow:
    def __eq__(self, other):
        if len(A) < 100:
            A.clear()
            A.extend([9] * 300)
        return False


A = [Grow(), 1]
B = [Grow(), 1]
print(A == B, len(A))

M = [1, 2, 3]


class Extend:
    calls = 0

    def __eq__(self, other):
        Extend.calls += 1
        if Extend.calls < 3:
            M.extend(range(500))
        return False


print(Extend() in M, len(M))

N = [1, 2, 3, 4]


class Empty:
    def __eq__(self, other):
        del N[:]
        return False


print(Empty() in N, len(N))


class Index:
    def __index__(self):
        Q.extend(range(100))
        return 2


Q = [1, 2]
print(len(Q * Index()), len(Q))

P = [1, 2, 3]


class Shrink:
    def __eq__(self, other):
        P.pop()
        return False

    def __lt__(self, other):
        return True


print([Shrink(), 1, 2] < P, P)
print((Shrink(),) == (Shrink(),), [1, 2] == (1, 2))
