# requires: BUILTIN_BYTEARRAY
# The methods bytearray shares with bytes are attributes of the type too: they can be
# fetched from the class, called unbound, and found through a subclass.
print(hasattr(bytearray, "partition"), hasattr(bytearray, "hex"), hasattr(bytearray, "split"))
ba = bytearray(b"alpha beta  gamma")
print(bytearray.split(ba), bytearray.partition(ba, b" "), bytearray.rpartition(ba, b" "))
print(bytearray.find(ba, b"beta"), bytearray.count(ba, b"a"), bytearray.upper(ba), bytearray.hex(ba[:3]))
print(bytearray.startswith(ba, b"alp"), bytearray.replace(ba, b"a", b"A"), bytearray.strip(bytearray(b"  x  ")))
print(bytearray.decode(bytearray(b"ok")), bytearray.join(bytearray(b"-"), [b"a", bytearray(b"b")]))
print(type(bytearray.fromhex("6162")).__name__, bytearray.fromhex("61 62"))
methods = [bytearray.lower, bytearray.upper, bytearray.title]
print([m(bytearray(b"mIxEd")) for m in methods])


class Buffer(bytearray):
    def words(self):
        return self.split()


b = Buffer(b"one two")
print(b.words(), b.partition(b" "), Buffer.find(b, b"two"), isinstance(b.upper(), bytearray))
print(bytearray.append)
try:
    bytearray.nonexistent
except AttributeError:
    print("AttributeError")
