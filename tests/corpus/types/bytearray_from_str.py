# requires: BUILTIN_BYTEARRAY STR_UNICODE STR_CODECS BUILTIN_HELPERS
# bytearray(s, encoding[, errors]) holds what bytes(s, encoding, errors) holds: the string
# encoded with that codec (not its UTF-8 bytes), and the same errors as bytes() for a
# missing or unknown encoding, a bad errors value or an encoding given with a non-str.
cases = [
    ("é", "latin-1"),
    ("é", "utf-8"),
    ("ab", "ascii"),
    ("aé", "ascii", "ignore"),
    ("aé", "ascii", "replace"),
    ("aé", "ascii"),
    ("a", "no-such-codec"),
    ("a",),
    ("a", 1),
    (1, "utf-8"),
    (2, 3),
    ([65], "ascii"),
    (b"a", "utf-8"),
    ("", "utf-8"),
]
for args in cases:
    for make in (bytes, bytearray):
        try:
            print(make.__name__, repr(make(*args)))
        except (TypeError, ValueError, LookupError) as e:
            print(make.__name__, type(e).__name__)
print(bytearray("é", encoding="latin-1"), bytearray("x", "utf-8") == b"x")
b = bytearray("é", "latin-1")
b.append(0x41)
print(b, len(b))
