# requires: MODULE_IO
# A class derived from StringIO or BytesIO keeps the stream's methods, iteration and
# context manager, and adds its own; a closed stream's error text is CPython's for each.
import io


class Log(io.StringIO):
    def lines(self):
        return self.getvalue().count("\n")


log = Log("first\n")
log.seek(0, 2)
print("second", file=log)
log.write("third\n")
print(log.lines(), repr(log.getvalue()), isinstance(log, io.StringIO))
log.seek(0)
print([line.upper() for line in log])


class Doubled(io.BytesIO):
    def __init__(self, data):
        super().__init__(data * 2)


with Doubled(b"ab\n") as d:
    print(d.read(2), d.readline(), list(d), d.tell())
print(d.closed)
for stream in (Log(), Doubled(b""), io.StringIO(), io.BytesIO()):
    stream.close()
    try:
        stream.read()
    except ValueError as e:
        print(type(stream).__name__, repr(str(e)))
try:
    Log().write(b"bytes")
except TypeError:
    print("TypeError")
