print(repr([1, "a", None, True]), str(("x",)), repr({"k": "v'q"}))
print(repr("tab\tnl\ncr\rbs\\"), repr("\x00\x1f\x7f"), repr("both'\""))
print([["nested"]], ("a", ("b",)), {1: {2: {3: []}}})
print(repr(b"\x00a'"), repr(b'"'), repr(b"'\""))
