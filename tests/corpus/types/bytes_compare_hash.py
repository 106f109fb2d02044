print(b"a" < b"b", b"abc" > b"ab", b"" == b"", b"x" != b"y", sorted([b"b", b"a", b"ab"]))
d = {b"key": 1}
print(d[b"key"], b"key" in d, "key" in d)
print(b"abc" == "abc", b"a" * 3 == b"aaa")
