# requires: BUILTIN_HELPERS BUILTIN_SET
# Argument checks and dispatch details of classes, as CPython.
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__)


class H:
    def __hash__(self):
        return None


t("__hash__ returns None", lambda: hash(H()))
t("super(str, 0)", lambda: super(str, 0))


class C:
    pass


c = C()
t("object.__setattr__ int name", lambda: object.__setattr__(c, 5, 5))
object.__setattr__(c, "x", 5)
print("x", c.x)


class S:
    def __eq__(self, o):
        return "S.eq"

    def __ne__(self, o):
        return "S.ne"


t("str == S", lambda: "a" == S())
t("str != S", lambda: "a" != S())
t("int == S", lambda: 1 == S())
t("str == int", lambda: "1" == 1)


class M:
    def f(self):
        pass


m = M()
t("bound eq", lambda: m.f == m.f)
t("bound hash", lambda: hash(m.f) == hash(m.f))
t("bound in set", lambda: len({m.f, m.f}))


class D:
    def __dir__(self):
        return ["zz", "aa", "mm"]


t("dir with __dir__", lambda: dir(D()))


class Desc:
    def __get__(self, o, t):
        return "got"

    def __set__(self, o, v):
        print("set", v)

    def __delete__(self, o):
        print("deleted")


class U:
    d = Desc()


u = U()
u.d = 5
del u.d
t("descriptor get", lambda: u.d)
