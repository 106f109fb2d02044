# requires: MODULE_COLLECTIONS MODULE_STRUCT MODULE_IO MODULE_RE MODULE_HEAPQ MODULE_JSON MODULE_HASHLIB MODULE_HASHLIB_SHA256 BUILTIN_HELPERS BUILTIN_PROPERTY
# Every builtin taking keywords refuses an argument given both by position and by keyword
# (TypeError), and still takes each one either way.
import collections
import hashlib
import heapq
import io
import json
import re
import struct

twice = [
    lambda: pow(2, 3, exp=3),
    lambda: (5).to_bytes(2, "big", byteorder="big"),
    lambda: int("5", 10, base=10),
    lambda: collections.deque([], iterable=[]),
    lambda: collections.OrderedDict().popitem(True, last=True),
    lambda: "a\nb".splitlines(True, keepends=True),
    lambda: struct.unpack_from("b", b"a", 0, offset=0),
    lambda: heapq.nsmallest(1, [1], None, key=None),
    lambda: re.compile("a").match("a", 0, pos=0),
    lambda: re.compile("a").search("a", string="a"),
    lambda: re.compile("a").split("a", 0, maxsplit=0),
    lambda: re.compile("a").sub("b", "a", 0, count=0),
    lambda: re.match("(a)", "a").groups(None, default=None),
    lambda: io.StringIO("", initial_value=""),
    lambda: io.BytesIO(b"", initial_bytes=b""),
    lambda: json.dumps(1, obj=1),
    lambda: json.loads("1", s="1"),
    lambda: hashlib.sha256(b"", string=b""),
    lambda: hashlib.sha256(b"", x=1),
    lambda: b"a".hex(":", sep=":"),
    lambda: enumerate([1], 0, start=0),
    lambda: round(7, 1, ndigits=1),
    lambda: property(None, None, None, None, doc=None),
]
for i, c in enumerate(twice):
    try:
        c()
        print(i, "accepted")
    except TypeError:
        print(i, "TypeError")
# each way still works
print(pow(base=2, exp=5), pow(2, exp=5, mod=3), round(number=7), (5).to_bytes(length=2, byteorder="little"))
print(collections.deque(iterable=[1], maxlen=1), "a b c".split(maxsplit=1, sep=" "), "a\nb".splitlines(keepends=True))
print(struct.unpack_from("b", buffer=b"ab", offset=1), heapq.nsmallest(2, iterable=[3, 1, 2], key=None))
print(re.compile("b").search("abc", pos=1).span(), re.compile(",").split("a,b,c", maxsplit=1))
print(re.compile("a").sub("x", "aaa", count=2), re.match("(a)(b)?", "a").groups(default="-"))
print(io.StringIO(initial_value="hi").read(), io.BytesIO(initial_bytes=b"hi").read())
print(hashlib.sha256(string=b"x").hexdigest()[:8], list(enumerate("ab", start=3)), int("z", base=36))
print(sum([1, 2], start=10), property(doc=None).fget, str(b"ab", errors="strict", encoding="ascii"))
od = collections.OrderedDict(a=1, b=2)
od.move_to_end(key="a")
print(list(od), od.popitem(last=False))
