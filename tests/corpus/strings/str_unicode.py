# requires: STR_UNICODE
s = "h\u00e9llo w\u00f6rld \u20ac"
print(s, len(s), s[1], s[-1], s[1:5], s[::-1])
print([ord(c) for c in s[:3]], chr(0x20ac), chr(233))
print(len(s.encode("utf-8")), s.encode("utf-8")[:4], s.find("\u00f6"), s.index("\u20ac"))
print("\u00e9" in s, s.count("l"), s.split(" "))
e = "\U0001f600"
print(len(e), len(e.encode()), ord(e), e.encode())
for ch in "a\u00e9\u4e2d":
    print(ch, ord(ch), len(ch.encode()))
print(repr("\u00e9\u4e2d"), ascii("\u00e9") if False else "")
