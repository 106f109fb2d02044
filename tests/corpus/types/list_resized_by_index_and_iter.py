# requires: BUILTIN_BYTEARRAY GENERATORS
# User code run in the middle of an index, slice or removal changes the list or bytearray
# being indexed: an iterator stored to a slice that clears or grows the list,
# slice bounds and indexes whose __index__ clear it, an __eq__ that empties the list
# list.remove searches. The length is read after the user code (as CPython's), so the
# result is an IndexError or what the changed container holds, never a read or write
# past its end (the VM moved a negative number of items, or read freed items, before).
class Index:
    def __init__(self, v, action):
        self.v = v
        self.action = action

    def __index__(self):
        self.action()
        return self.v


def attempt(name, f):
    try:
        print(name, f())
    except (IndexError, ValueError, TypeError, RuntimeError) as e:
        print(name, type(e).__name__)


# slice assignment from an iterator that changes the list
for change in ("clear", "grow", "pop"):
    L = list(range(6))

    def source():
        for i in range(3):
            if change == "clear":
                L.clear()
            elif change == "grow":
                L.extend(range(100, 110))
            else:
                L.pop()
            yield -i

    L[2:5] = source()
    print(change, L)
    L = list(range(6))
    L[len(L):] = source()
    print(change, L)

# slice bounds and indexes whose __index__ clears or grows the container
# (not a bytearray grown by the bounds of a slice read: CPython 3.11 reads freed memory)
for make, action in ((list, "clear"), (list, "grow"), (bytearray, "clear")):
    if True:
        C = make(range(10))

        def act():
            if action == "clear":
                C[:] = make()
            else:
                C.extend(make(range(20)))

        attempt("get", lambda: C[Index(5, act)])
        C = make(range(10))
        attempt("get-", lambda: C[Index(-1, act)])
        C = make(range(10))

        def store():
            C[Index(7, act)] = 1
            return list(C)[:12]

        attempt("store", store)
        C = make(range(10))
        attempt("slice", lambda: list(C[Index(2, act) : Index(8, act)]))
        C = make(range(10))

        def store_slice():
            C[Index(2, act) : Index(5, act)] = make([7, 7])
            return list(C)[:12]

        attempt("store-slice", store_slice)
        C = make(range(10))

        def del_step():
            del C[Index(1, act) :: Index(2, act)]
            return list(C)[:12]

        attempt("del-step", del_step)
        C = make(range(10))
        attempt("pop", lambda: C.pop(Index(8, act)))
        print(make.__name__, action, len(C) >= 0)

# list.remove whose __eq__ empties the list
class Eq:
    def __init__(self, target):
        self.target = target

    def __eq__(self, other):
        self.target.clear()
        return True


L = [1, 2, 3]
L.remove(Eq(L))
print("remove", L)
L = [Eq(None), 2, 3]
L[0].target = L
L.remove(3)
print("remove", L)
