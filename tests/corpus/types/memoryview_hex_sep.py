# requires: BUILTIN_MEMORYVIEW BUILTIN_BYTEARRAY
# memoryview.hex() takes the same separator arguments as bytes.hex().
data = b"\x00\x01\x7f\x80\xfe\xff"
m = memoryview(data)
print(m.hex(), m.hex(":"), m.hex("-", 2), m.hex(" ", -4), m.hex(sep="."))
print(m[1:4].hex("_"), memoryview(bytearray(b"AB")).hex(":"), memoryview(b"").hex(":"))
print(m.hex(b"|"), m.hex(":", bytes_per_sep=3))
for bad in (("ab",), (1,)):
    try:
        m.hex(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__)
