# requires: BUILTIN_BYTEARRAY FLOAT INT_BIG_MPZ|INT_BIG_LONGLONG
# A bytearray's single-byte arguments (append, insert, remove, item store) take ints in
# range(256): any other int, however big, is ValueError; a non-int is TypeError.


class Idx:
    def __index__(self):
        return 66


for v in [0, 255, True, Idx(), -1, 256, 2**40, -(2**40), 2**62 - 1, 2**64, "a", 1.0, None, b"a"]:
    for op in ("append", "insert", "remove", "store"):
        b = bytearray(b"AB")
        try:
            if op == "append":
                b.append(v)
            elif op == "insert":
                b.insert(1, v)
            elif op == "remove":
                b.remove(v)
            else:
                b[0] = v
            print(op, b)
        except (TypeError, ValueError) as e:
            print(op, type(e).__name__)
