# requires: BUILTIN_BYTEARRAY
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__)


t("sort(1)", lambda: [].sort(1))
t("find(-1)", lambda: b"0".find(-1))
t("find(300)", lambda: b"0".find(300))
t("find(48)", lambda: b"10".find(48))
t("count(48)", lambda: b"000".count(48))
t("enumerate(iterable=)", lambda: list(enumerate(iterable="ab", start=3)))
t("enumerate()", lambda: enumerate())
t("int(bytearray)", lambda: int(bytearray(b"12")))
t("int(bytearray, 16)", lambda: int(bytearray(b"ff"), 16))
t("int([])", lambda: int([]))
