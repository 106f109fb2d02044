# requires: BUILTIN_BYTEARRAY ERROR_MSG_DETAILED
# Arity errors of str/bytes methods CPython words in its older style ("find() takes at
# least 1 argument (0 given)"), and of classmethods called through their type or an
# instance (bytes.fromhex, dict.fromkeys: counted without the class).
def t(f, *a):
    try:
        f(*a)
        print("ok")
    except TypeError as e:
        print(e)


for recv in ("ab", b"ab", bytearray(b"ab")):
    for name in ("count", "endswith", "startswith", "find", "rfind", "index", "rindex", "expandtabs"):
        m = getattr(recv, name)
        t(m)
        t(m, 1, 2, 3, 4, 5)
t(bytes.fromhex)
t(bytes.fromhex, "00", "11")
t(b"".fromhex)
t(bytearray.fromhex)
t(dict.fromkeys)
t(dict.fromkeys, 1, 2, 3)
t([].index)
t((1,).index)
t([].count)
