s = "Hello"
print(s.count("l"), s.expandtabs() if False else s, len(""), str(), "ab".__len__())
print("a\tb".split("\t"), s + str(1) + str([2]))
print("x".join(map(str, range(5))))
print(str(3) * 3, "3" + "3", int("3" * 3))
print("abc".encode() + b"d")
t = "  spaces  "
print("[" + t + "]", "[" + t.strip() + "]")
print("line1\nline2\tTabbed")
