# requires: BUILTIN_HELPERS INT_BIG_MPZ GENERATORS BUILTIN_SET BUILTIN_BYTEARRAY BUILTIN_MEMORYVIEW
# int.from_bytes() takes what bytes() takes apart from a count: a bytes-like object, or any
# iterable of ints in 0..255 (a list, a tuple, a range, a generator, a dict's keys, a set);
# an item out of range is a ValueError, a str, an int or a non-int item a TypeError.
def show(src):
    try:
        print(int.from_bytes(src, "big"), int.from_bytes(src, "little", signed=True))
    except (TypeError, ValueError) as e:
        print(type(e).__name__)


show([1, 2])
show((255,))
show(range(1, 4))
show(b * 2 for b in (64, 100))
show({1: "x"})
show({9})
show([])
show([0] * 9 + [1])
show([256])
show([-1])
show(["a"])
show("ab")
show(5)
show(True)
show(None)
show(b"\x01\x00")
show(bytearray([0x80]))
show(memoryview(b"\x12\x34")[1:])
