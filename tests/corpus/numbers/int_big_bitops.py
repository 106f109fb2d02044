# requires: INT_BIG_MPZ
x = (1 << 90) | (1 << 3)
y = (1 << 90) - 1
print(x & y, x | y, x ^ y, ~x, -x >> 5, (-x) & 0xFFFF, (-y) | 3, x ^ -1)
print(x.bit_length(), y.bit_length(), (-x).bit_length())
print(int.from_bytes(b"\xff" * 12, "big"), (2 ** 80).to_bytes(11, "big"))
print((-(2 ** 70)).to_bytes(10, "big", signed=True))
