print("a,b,c".split(sep=",", maxsplit=1), "a b c".rsplit(maxsplit=1))
print("abc".encode(encoding="utf-8"), b"abc".decode(encoding="utf-8"))
print("x\ny\n".splitlines(keepends=True))
print("aaa".replace("a", "b", 1), "hi".center(6, "-"))
