print(repr(1), repr("a"), repr([1, "b"]), repr(None), repr(True), repr((1,)), repr({}))
print(repr(""), repr("'"), repr('"'), repr("\\"), repr(b"bytes"), repr(range(3)))
print(repr(repr("x")))
