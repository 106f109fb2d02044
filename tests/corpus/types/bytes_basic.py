b = b"hello"
print(b, len(b), b[0], b[-1], b[1:3], b[::-1])
print(b + b" world", b * 2, b"ell" in b, 104 in b)
print(bytes(3), bytes([65, 66, 67]), bytes("abc", "utf-8"), bytes(range(3)))
print(list(b"AB"), b"\x00\xff\n", b"\x7f")
print(b.upper(), b.find(b"l"), b.count(b"l"), b.replace(b"l", b"L"))
print(b.split(b"l"), b"-".join([b"a", b"b"]), b.startswith(b"he"))
print(b.decode(), b"caf\xc3\xa9".decode("utf-8") == b"caf\xc3\xa9".decode())
print(b == b"hello", b < b"help", bytes() == b"")
try:
    b[0] = 1
except TypeError:
    print("TypeError")
