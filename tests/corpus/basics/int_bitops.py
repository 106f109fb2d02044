for v in (0, 1, 5, 255, 1023, -1, -8):
    print(v, v & 0xF, v | 0x10, v ^ 0x3, v << 4, v >> 1, ~v)
x = 0
for i in range(0, 28, 3):
    x |= 1 << i
print(x, x.bit_length())
print((12345).bit_length(), (0).bit_length(), (-16).bit_length())
