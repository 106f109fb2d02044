# requires: STR_FORMAT BUILTIN_BYTEARRAY BUILTIN_MEMORYVIEW BUILTIN_HELPERS FLOAT
# bytes(): __bytes__ of a class is used, an encoding needs a str; `in` on bytes takes a
# byte value in range(256) (anything int-like) or a bytes-like object, nothing else.
class Packet:
    def __init__(self, body):
        self.body = body

    def __bytes__(self):
        return b"<" + self.body + b">"


class Liar:
    def __bytes__(self):
        return "not bytes"


class Small:
    def __index__(self):
        return 98


print(bytes(Packet(b"hi")), bytes(Packet(b"")), b"%s|%b" % (Packet(b"x"), Packet(b"y")))
for bad in ((Liar(),), (1, "utf-8"), (b"ab", "ascii"), ([1], "utf-8", "strict"), (3.5,), (None,)):
    try:
        print(bytes(*bad))
    except TypeError as e:
        print("TypeError", len(bad))
data = b"abc"
print(97 in data, 100 in data, True in b"\x01", Small() in data, b"bc" in data, bytearray(b"ca") in data)
print(memoryview(b"ab") in data, 0 in bytes(3), 255 in b"\xff")
for probe in (256, -1, "a", 1.0, None, [97]):
    try:
        print(probe in data)
    except (TypeError, ValueError) as e:
        print(type(e).__name__)
