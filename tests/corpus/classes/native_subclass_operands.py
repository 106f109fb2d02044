# requires: MODULE_COLLECTIONS STR_FORMAT
# Classes derived from builtin types: construction (also through super().__init__) and
# operators with a builtin on the other side.
from collections import namedtuple


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__)


class MyT(tuple):
    pass


class MyL(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.extra = 1


class MyD(dict):
    def __init__(self, **kw):
        super().__init__(**kw)


class MyS(str):
    pass


class MyI(int):
    pass


class Pair(tuple):
    def __init__(self, items):
        self.n = len(items)


t("tuple + MyT", lambda: (1,) + MyT((2,)))
t("MyT + tuple", lambda: MyT((2,)) + (1,))
t("MyT * 2", lambda: MyT((1,)) * 2)
t("MyL(...)", lambda: MyL([1, 2]))
t("len MyL", lambda: len(MyL([1, 2])))
t("MyL == list", lambda: MyL([1]) == [1])
t("list == MyL", lambda: [1] == MyL([1]))
t("sorted MyL", lambda: sorted(MyL([3, 1, 2])))
t("MyD(**kw)", lambda: MyD(a=1)["a"])
t("'a' == MyS", lambda: "a" == MyS("a"))
t("MyS == 'a'", lambda: MyS("a") == "a")
t("str + MyS", lambda: "b" + MyS("a"))
t("MyS + str", lambda: MyS("a") + "b")
t("MyS key", lambda: {MyS("a"): 1}["a"])
t("1 + MyI", lambda: 1 + MyI(5))
t("MyI + 1", lambda: MyI(5) + 1)
t("Pair", lambda: (Pair([1, 2]), Pair([1, 2]).n))
P = namedtuple("P", "x y")
t("%d namedtuple", lambda: "%d-%d" % P(1, 2))
t("namedtuple + tuple", lambda: P(1, 2) + (3,))
