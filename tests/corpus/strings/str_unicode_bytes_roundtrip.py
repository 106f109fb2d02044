# requires: STR_UNICODE
s = "€uro – ñandú 🐍"
b = s.encode("utf-8")
print(len(s), len(b), b[:6], b.decode("utf-8") == s)
print(s[0], s[-1], s[5:12], s.find("ñ"), s.index("🐍"))
print([len(c.encode()) for c in s])
