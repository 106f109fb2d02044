# requires: MODULE_IO
import io

s = io.StringIO('line1\nline2\nlast')
print(repr(s.readline()), repr(s.read(3)), s.tell(), s.readlines(), repr(s.read()), repr(s.readline()))
s.seek(0)
print(list(s))
s.seek(0)
print(repr(s.readline(3)), repr(s.read(0)), s.seek(0, 2), s.tell(), s.seek(2))
w = io.StringIO()
print(w.write('abc'), w.write('def'), w.tell(), w.getvalue())
w.seek(1)
w.write('X')
print(w.getvalue(), w.tell(), w.read(), w.truncate(3), w.getvalue())
print(io.StringIO().getvalue() == '', io.StringIO(None).read() == '', w.readable(), w.writable(), w.seekable(), w.closed)
with io.StringIO('ctx') as c:
    print(c.read(), c.closed)
print(c.closed)
for bad in (lambda: c.read(), lambda: c.getvalue(), lambda: c.write('x'), lambda: io.StringIO().write(b'x'),
            lambda: io.StringIO(b'x'), lambda: io.StringIO().seek(-1), lambda: io.StringIO('x').seek(1, 1)):
    try:
        bad()
    except (ValueError, TypeError, OSError) as e:
        print(type(e).__name__)
out = io.StringIO()
print('hello', 42, file=out)
print('more', end='!', file=out)
print(repr(out.getvalue()))
