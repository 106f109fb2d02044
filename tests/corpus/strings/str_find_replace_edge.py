s = "aaaa"
print(s.replace("aa", "b"), s.count("aa"), s.find("aa", 1), s.rfind("aa"), s.split("aa"))
print("".replace("", "x"), "abc".replace("", "-"), "abc".split("abc"), "x".center(0))
print("a.b.c".split(".", 0), "a.b.c".split(".", -1), "a.b.c".rsplit(".", 1))
