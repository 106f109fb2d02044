print((255).to_bytes(2, "big"), (255).to_bytes(2, "little"), (-1).to_bytes(2, "big", signed=True))
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"))
print(int.from_bytes(b"\xff\xfe", "big", signed=True), int.from_bytes(b"", "big"))
print((10).bit_length(), (-1).bit_length(), abs(-5), (7).__add__(3) if False else 10)
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError")
