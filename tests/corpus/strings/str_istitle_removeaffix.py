# requires: STR_METHODS_MORE
# istitle is one of the is...() family; removeprefix/removesuffix share startswith's test
for t in ["", "A", "a", "Hello World", "hello World", "HEllo", "Hello  World1 X", "1A", "A1a",
          "_Ab", "Ab_Cd", "A b", "A'S", "Ab Cd", "AB", "Ab9c", " ", "9"]:
    print(repr(t), t.istitle(), t.isprintable(), t.isidentifier(), t.isupper(), t.islower())
for s in ["remove", "filename.py", "x", "", "aa"]:
    for a in ["re", ".py", "", "x", "aa", "a"]:
        r1, r2 = s.removeprefix(a), s.removesuffix(a)
        print(repr(r1), repr(r2), r1 == s, r2 == s)
b = b"hello"
print(b.removeprefix(b"he"), b.removesuffix(b"lo"), b.removeprefix(b""), b.removesuffix(b"x"))
for bad in [lambda: "x".removeprefix(("a",)), lambda: "x".removeprefix(b"a"),
            lambda: b"x".removesuffix("a"), lambda: b"x".removeprefix(1), lambda: "x".removeprefix("a", 1)]:
    try:
        print(bad())
    except TypeError:
        print("TypeError")
print("abc".startswith(("x", "a")), "abc".endswith("bc", 1), b"abc".startswith(b"a"), "abc".endswith(("c",), 0, 2))
