s = "  \t padded \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "abcba".strip("ab"), "www.site.com".lstrip("w."), "a--".rstrip("-"))
print(repr("ab".center(7)), repr("ab".center(7, "*")), repr("ab".ljust(5, ".")), repr("ab".rjust(5)))
print("42".zfill(5), "-42".zfill(6), "+7".zfill(3), "abc".zfill(2))
print(repr("abc".center(2)), repr("a".center(4, "-")))
