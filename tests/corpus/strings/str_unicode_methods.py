# requires: STR_UNICODE BUILTIN_REVERSED
s = "añb€c"
print(s.find("€"), s.rfind("b"), s.index("c"), s.startswith("añ"), s.endswith("€c"))
print(s.center(9, "*"), s.ljust(7, "·"), s.rjust(7), s.zfill(7))
print("-".join(s), list(s), s.partition("€"))
print([c for c in reversed(s)], s[1:4], s[::2], s[-2::-1])
print(s.strip("ac"), "€€x€".strip("€"), "á b".split(" "))
