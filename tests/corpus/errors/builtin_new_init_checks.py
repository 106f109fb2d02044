# requires: SLOT_WRAPPERS_TYPES ERROR_MSG_DETAILED
# __new__ and __init__ of builtin types called directly: the class given to __new__ must be
# a subtype made the same way, the receiver of __init__ an instance; TypeError otherwise.


class U:
    pass


class I(int):
    pass


class L(list):
    pass


class E(Exception):
    pass


def t(label, f):
    try:
        r = f()
        print(label, type(r).__name__, repr(r) if not isinstance(r, (U, E)) else "")
    except TypeError as e:
        print(label, "TypeError:", e)


t("int.__new__(int, 5)", lambda: int.__new__(int, 5))
t("int.__new__(I, 5)", lambda: int.__new__(I, 5))
t("int.__new__(str)", lambda: int.__new__(str))
t("int.__new__(bool, 1)", lambda: int.__new__(bool, 1))
t("int.__new__(5)", lambda: int.__new__(5))
t("int.__new__()", lambda: int.__new__())
t("str.__new__(str, 7)", lambda: str.__new__(str, 7))
t("str.__new__(bytes)", lambda: str.__new__(bytes))
t("tuple.__new__(tuple, [1])", lambda: tuple.__new__(tuple, [1]))
t("tuple.__new__(list)", lambda: tuple.__new__(list))
t("list.__new__(list)", lambda: list.__new__(list))
t("list.__new__(L)", lambda: list.__new__(L))
t("list.__new__(U)", lambda: list.__new__(U))
t("dict.__new__(list)", lambda: dict.__new__(list))
t("range.__new__(list, 3)", lambda: range.__new__(list, 3))
t("range.__new__(range, 3)", lambda: range.__new__(range, 3))
t("bytes.__new__(str)", lambda: bytes.__new__(str))
t("BaseException.__new__(int)", lambda: BaseException.__new__(int))
t("Exception.__new__(E)", lambda: Exception.__new__(E))
t("object.__new__(int)", lambda: object.__new__(int))
t("object.__new__(I)", lambda: object.__new__(I))
t("object.__new__(L)", lambda: object.__new__(L))
t("object.__new__(U)", lambda: object.__new__(U))
t("object.__new__(5)", lambda: object.__new__(5))
t("I.__new__(I, 3)", lambda: I.__new__(I, 3))
t("L.__new__(L)", lambda: L.__new__(L))
t("(5).__new__(int, 6)", lambda: (5).__new__(int, 6))

x = [1, 2]
t("list.__init__(x, 'ab')", lambda: list.__init__(x, "ab"))
print(x)
t("list.__init__(x)", lambda: list.__init__(x))
print(x)
d = {"z": 0}
t("dict.__init__(d, a=1)", lambda: dict.__init__(d, [("b", 2)], a=1))
print(sorted(d.items()))
t("list.__init__({}, [1])", lambda: list.__init__({}, [1]))
t("dict.__init__([], a=1)", lambda: dict.__init__([], a=1))
t("list.__init__(5)", lambda: list.__init__(5))
t("list.__init__(U())", lambda: list.__init__(U()))
t("list.__init__()", lambda: list.__init__())
t("dict.__init__(L())", lambda: dict.__init__(L()))
t("object.__init__(5)", lambda: object.__init__(5))
t("int.__init__(5)", lambda: int.__init__(5))
l = L([1])
t("list.__init__(l, (7, 8))", lambda: list.__init__(l, (7, 8)))
print(l, len(l))


class M(list):
    def __init__(self, *args):
        super().__init__(*args)
        self.tag = "m"


class N(int):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)


class F(dict):
    def __init__(self, **kw):
        super().__init__(**kw)


m = M("xy")
print(m, m.tag, N(4), N(4) + 1, type(N(4)).__name__, sorted(F(p=1, q=2).items()))
