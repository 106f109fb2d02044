# requires: BUILTIN_BYTEARRAY BUILTIN_MEMORYVIEW BUILTIN_SET GENERATORS
# partition/rpartition: every part has the receiver's type, the separator included, and
# a bytearray's parts are new, distinct objects (a str or bytes may hand itself back).
cases = [b"key=value", b"no separator", b"=lead", b"trail=", b"a=b=c"]
for data in cases:
    ba = bytearray(data)
    for parts in (ba.partition(b"="), ba.rpartition(b"="), ba.partition(bytearray(b"=")), ba.rpartition(memoryview(b"="))):
        print(parts, [type(p).__name__ for p in parts], len({id(p) for p in parts}) == 3, any(p is ba for p in parts))
    print(data.partition(b"="), data.rpartition(bytearray(b"=")), [type(p).__name__ for p in data.partition(memoryview(b"="))])
    s = data.decode()
    print(s.partition("="), s.rpartition("="))

ba = bytearray(b"x-y")
head, sep, tail = ba.partition(b"-")
sep.append(33)
head[0:1] = b"X"
print(ba, head, sep, tail)
head, sep, tail = ba.partition(b"?")
head.append(63)
sep.append(1)
print(ba, head, sep, tail)
for bad in ("=", 61, None):
    try:
        ba.partition(bad)
    except TypeError:
        print("TypeError", type(bad).__name__)
try:
    ba.rpartition(b"")
except ValueError:
    print("ValueError")
