# requires: MODULE_ARRAY FLOAT WORD_64 GENERATORS
# array() reserves the room an initializer's len() announces before reading it, so an
# impossible length is a MemoryError at once (MicroPython's behaviour; CPython ignores
# len() here). A len() that is merely wrong still gives every item the iterator yields.
from array import array


class Claims:
    def __init__(self, claimed, real):
        self.claimed = claimed
        self.real = real

    def __len__(self):
        return self.claimed

    def __iter__(self):
        for i in range(self.real):
            yield i * 3


for claimed, real in ((1 << 61, 4), (1 << 40, 2), (3, 5), (10, 2), (0, 3)):
    for code in ("d", "b", "q"):
        try:
            print(code, claimed, array(code, Claims(claimed, real)))
        except MemoryError:
            print(code, claimed, "MemoryError")
print(array("h", (1, 2, 3)), array("f", [0.5]), array("B", range(3)))
