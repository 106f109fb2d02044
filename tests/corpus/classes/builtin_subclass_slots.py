# requires: SLOT_WRAPPERS_TYPES
# Subclasses of builtin types see the builtin's special methods through the MRO: on the
# class (unbound), on an instance (bound), and through super() from an override.


class L(list):
    def __len__(self):
        return super().__len__() + 100

    def __getitem__(self, i):
        return ("L", super().__getitem__(i))

    def __contains__(self, x):
        return not super().__contains__(x)

    def __repr__(self):
        return "L" + super().__repr__()


class D(dict):
    def __getitem__(self, k):
        return super().__getitem__(k) * 2

    def __setitem__(self, k, v):
        super().__setitem__(k, v + 1)

    def __iter__(self):
        return super().__iter__()


class I(int):
    def __add__(self, other):
        return ("I", super().__add__(other))

    def __neg__(self):
        return ("neg", super().__neg__())

    def __repr__(self):
        return "I(" + super().__repr__() + ")"

    def __hash__(self):
        return super().__hash__() + 1

    def __eq__(self, other):
        return super().__eq__(other)


class S(str):
    def __len__(self):
        return super().__len__() * 10

    def __mul__(self, n):
        return super().__mul__(n).upper()


class T(tuple):
    pass


l = L([1, 2, 3])
print(len(l), list.__len__(l), L.__len__(l), l.__len__())
print(l[0], list.__getitem__(l, 0), l.__getitem__(1))
print(2 in l, list.__contains__(l, 2), repr(l), list.__repr__(l))
d = D()
d["a"] = 1
print(d["a"], dict.__getitem__(d, "a"), D.__getitem__(d, "a"), list(d.__iter__()), dict.__len__(d))
i = I(5)
print(i + 1, int.__add__(i, 1), i.__add__(1), -i, int.__neg__(i), repr(i), int.__repr__(i))
print(hash(i), int.__hash__(i), i == 5, int.__eq__(i, 5), I.__mul__(i, 3), i.__mul__(3), i.__index__())
s = S("ab")
print(len(s), str.__len__(s), s * 2, str.__mul__(s, 2), S.__getitem__(s, 1), s.__contains__("b"))
t = T((1, 2))
print(T.__len__(t), t.__len__(), T.__getitem__(t, 0), t.__getitem__(-1), T.__add__(t, (3,)), t.__iter__().__next__())
# the base's method, not overridden, on a plain instance of the base
print(tuple.__len__((1,)), T.__len__((1, 2)), I.__sub__(7, 2), I.__mul__(True, 3), T.__len__.__objclass__.__name__)
# the subclass's wrapper refuses a receiver of the base that the override may not take
for call in (lambda: list.__len__(d), lambda: int.__add__(s, 1), lambda: str.__len__(l)):
    try:
        call()
    except TypeError:
        print("TypeError")
