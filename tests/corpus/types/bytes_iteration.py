data = b"\x00\x10\xff"
for b in data:
    print(b, type(b).__name__)
print(list(data), [b + 1 for b in data])
print(data[0:1], data[-1:], data[::-1])
total = 0
for i, b in enumerate(b"checksum"):
    total = (total * 31 + b) % 65521
print(total)
