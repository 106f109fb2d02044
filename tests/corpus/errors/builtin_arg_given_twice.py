# requires: ERROR_MSG_EXACT MODULE_COLLECTIONS MODULE_STRUCT BUILTIN_HELPERS BUILTIN_PROPERTY
# A builtin's argument given by position and again by keyword is a TypeError naming it,
# as is one argument too many counted with the keywords (Argument Clinic's checks), and
# a keyword the function does not have.
import collections
import struct

cases = [
    lambda: pow(2, 3, exp=3),
    lambda: round(7, number=1),
    lambda: (5).to_bytes(2, "big", byteorder="big"),
    lambda: (5).to_bytes(2, length=2),
    lambda: int.from_bytes(b"a", "big", byteorder="big"),
    lambda: int("5", 10, base=10),
    lambda: int("5", base=10, x=1),
    lambda: sum([1], 0, start=0),
    lambda: enumerate([1], 0, start=0),
    lambda: collections.deque([], 3, maxlen=3),
    lambda: collections.deque([], iterable=[]),
    lambda: collections.OrderedDict().popitem(True, last=True),
    lambda: collections.OrderedDict(a=1).move_to_end("a", True, last=True),
    lambda: "a b".split(" ", sep=" "),
    lambda: "a b".rsplit(" ", sep=" "),
    lambda: "a b".split(" ", 1, maxsplit=1),
    lambda: "a".encode("utf-8", encoding="utf-8"),
    lambda: b"a".decode("utf-8", encoding="utf-8"),
    lambda: str(b"a", "utf-8", encoding="utf-8"),
    lambda: str(1, object=1),
    lambda: bytes("a", "utf-8", encoding="utf-8"),
    lambda: struct.unpack_from("b", b"a", 0, offset=0),
    lambda: property(None, fget=None),
    lambda: compile("1", "f", "eval", source="1"),
    lambda: __import__("sys", name="sys"),
    lambda: sorted([], iterable=[]),
]
for c in cases:
    try:
        c()
        print("accepted")
    except TypeError as e:
        print("TypeError:", e)
print(str(object=5), repr(str(encoding="ascii")), int(" 7 ", base=10))
