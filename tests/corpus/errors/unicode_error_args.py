# requires: ERROR_MSG_EXACT EXC_ATTRS STR_UNICODE STR_CODECS BUILTIN_MEMORYVIEW BUILTIN_BYTEARRAY
# UnicodeDecodeError and UnicodeEncodeError carry CPython's five arguments (encoding, object,
# start, end, reason) as args and attributes, and their message is made from them (one byte
# or character, or a range); a read-only memoryview of bytes hashes as the bytes.
def show(label, f):
    try:
        print(label, "->", repr(f()))
    except UnicodeError as e:
        print(label, "->", type(e).__name__ + ":", e)
        print("   ", e.args == (e.encoding, e.object, e.start, e.end, e.reason), e.args)


show("utf-8 start byte", lambda: b"a\xffb".decode())
show("utf-8 continuation", lambda: b"a\xc3(".decode("utf-8"))
show("utf-8 end of data", lambda: b"ab\xe2\x82".decode())
show("str(bytes, utf-8)", lambda: str(b"\x80", "utf-8"))
show("ascii decode", lambda: b"a\xe9".decode("ascii"))
show("ascii encode", lambda: "aé".encode("ascii"))
show("ascii encode euro", lambda: "a€".encode("ascii"))
show("ascii encode emoji", lambda: "😀".encode("ascii"))
show("latin-1 encode", lambda: "€".encode("latin-1"))
e = UnicodeDecodeError("utf-8", b"xyz", 1, 3, "made up")
print(str(e), e.start, e.end, e.reason, e.object, e.encoding)
e = UnicodeEncodeError("ascii", "x\u0101y", 1, 2, "made up")
print(str(e), e.start, e.end)
try:
    b"\xff".decode()
except ValueError as e:
    print("a ValueError:", isinstance(e, UnicodeError), type(e).__name__)
print(hash(memoryview(b"ab")) == hash(b"ab"), hash(memoryview(b"abc")[1:]) == hash(b"bc"))
try:
    hash(memoryview(bytearray(b"ab")))
except ValueError as e:
    print("ValueError:", e)
print(len({memoryview(b"k"): 1, b"k": 2}))
