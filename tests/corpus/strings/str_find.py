s = "abracadabra"
print(s.find("a"), s.find("a", 1), s.find("a", 1, 3), s.find("zz"), s.rfind("a"), s.rfind("a", 0, 5))
print(s.index("c"), s.rindex("b"), s.count("a"), s.count("abra"), s.count(""), s.count("a", 4))
try:
    s.index("z")
except ValueError as e:
    print("ValueError")
print(s.startswith("abr"), s.startswith("bra", 1), s.endswith("bra"), s.endswith("cad", 0, 7))
print(s.startswith(("x", "ab")), s.endswith(("ra", "zz")))
print("" in s, "cad" in s, s.find(""), s.rfind(""))
