# requires: MODULE_SYS MODULE_IO
# sys.print_exception(exc, file) writes through the file's write(); an object that is not a
# stream (it has no write method) is MicroPython's OSError EINVAL, raised before anything
# is written.
import sys


class Upper:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s.upper())


out = Upper()
sys.print_exception(KeyError("the key"), out)
print("".join(out.parts).strip())

for not_a_stream in (7, None, [], "text"):
    try:
        sys.print_exception(ValueError("v"), not_a_stream)
        print("no error for", repr(not_a_stream))
    except OSError as e:
        print(type(not_a_stream).__name__, "->", type(e).__name__, e.errno)
