# requires: MODULE_IO BUILTIN_BYTEARRAY
import io

b = io.BytesIO(b'\x00\x01\x02abc\ndef')
print(b.read(2), b.read1(1) if hasattr(b, 'read1') else b.read(1), b.readline(), b.read(), b.read(), b.getvalue())
b.seek(0)
print(b.readlines(), list(io.BytesIO(b'a\nb')))
w = io.BytesIO()
print(w.write(b'hi'), w.write(bytearray(b' there')), w.getvalue(), w.tell())
w.seek(10)
w.write(b'!')
print(w.getvalue(), w.seek(-3, 2), w.read())
buf = bytearray(4)
r = io.BytesIO(b'xyz')
print(r.readinto(buf), buf, r.readinto(buf), r.seek(0, 1))
with io.BytesIO() as bb:
    bb.write(b'ctx')
    print(bb.getvalue(), bb.closed)
print(bb.closed)
for bad in (lambda: bb.getvalue(), lambda: io.BytesIO().write('str'), lambda: io.BytesIO('str')):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
