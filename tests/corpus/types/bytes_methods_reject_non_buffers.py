# bytes methods given an int (or any non-bytes-like object) raise TypeError.
for name, call in [
    ("partition", lambda: b"ab".partition(1)),
    ("rpartition", lambda: b"ab".rpartition(1)),
    ("split", lambda: b"ab".split(1)),
    ("rsplit", lambda: b"ab".rsplit(1)),
    ("startswith", lambda: b"ab".startswith(1)),
    ("endswith", lambda: b"ab".endswith(1)),
    ("replace", lambda: b"ab".replace(1, b"x")),
    ("strip", lambda: b"ab".strip(1)),
    ("center", lambda: b"ab".center(5, 1)),
    ("find", lambda: b"ab".find([1])),
    ("count", lambda: b"ab".count(None)),
    ("join", lambda: b",".join([1])),
]:
    try:
        call()
        print(name, "no error")
    except TypeError:
        print(name, "TypeError")
print(b"a,b".split(b","), b"abc".partition(b"b"))
