# requires: BUILTIN_BYTEARRAY
# `x in bytearray`: a byte's value (an int or bool in 0..255, or an object with __index__) or a
# bytes-like run; a value outside 0..255 is a ValueError (not its low byte), any other type
# a TypeError.


class Ix:
    def __index__(self):
        return 1


b = bytearray(b",\x01")
for x in (44, 300, 44 + 256, -1, True, False, Ix(), b",", bytearray(b"\x01"), b"", [1], "a", 2, None):
    try:
        r = x in b
    except Exception as e:
        r = type(e).__name__
    print(r)
