# requires: MODULE_SELECT MODULE_IO
# A stream class written in Python is polled as MicroPython polls it: select.poll() and
# select.select() call its ioctl(3, events) (MP_STREAM_POLL), which returns the events ready
# or -errno (OSError). register() only checks that the method exists.
import io
import select


class Pollable(io.IOBase):
    def __init__(self):
        self.state = 0

    def ioctl(self, cmd, arg):
        print("ioctl", cmd, arg)
        if cmd != 3:
            return -22
        if self.state == "later":
            self.state = 1  # readable from the next poll on
            return 0
        if isinstance(self.state, int) and self.state < 0:
            return self.state
        return self.state & arg


def show(lst):
    print([(type(o).__name__, f) for o, f in lst])


x = Pollable()
p = select.poll()
p.register(x)
p.modify(x, select.POLLIN)
show(p.poll(0))
x.state = select.POLLOUT
show(p.poll(0))
x.state = select.POLLIN
show(p.poll(0))
x.state = "later"
show(p.poll())  # waits: the second poll finds it readable
x.state = -5
try:
    p.poll(0)
except OSError as e:
    print("OSError", e.errno)

# ipoll one-shot: reported once, then its mask is 0 (no more ioctl calls)
x.state = select.POLLIN
show(p.ipoll(0, 1))
show(p.ipoll(0, 1))
p.unregister(x)
print(p.poll(0))

# select.select asks for reading, writing and errors in turn
x.state = select.POLLIN | select.POLLOUT
r, w, e = select.select([x], [x], [x], 0)
print(len(r), len(w), len(e))


# any object with an ioctl method, not only io.IOBase subclasses
class Bare:
    def ioctl(self, cmd, arg):
        return arg


p.register(Bare(), select.POLLOUT)
show(p.poll(0))


# what the ioctl returns must be an int
class Bad(io.IOBase):
    def ioctl(self, cmd, arg):
        return "ready"


class Raising(io.IOBase):
    def ioctl(self, cmd, arg):
        raise ValueError("from ioctl")


for cls in (Bad, Raising):
    q = select.poll()
    q.register(cls())
    try:
        q.poll(0)
    except (TypeError, ValueError) as e:
        print(type(e).__name__)

# still refused: objects that are not streams
for obj in (1, object(), io.IOBase()):
    try:
        select.poll().register(obj)
        print("registered")
    except TypeError:
        print("TypeError")
