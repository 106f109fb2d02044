# requires: MODULE_HASHLIB MODULE_HASHLIB_SHA256
# A hash constructor takes the data as its one optional argument (positional or string=):
# a second positional argument is a TypeError, not ignored; hashlib.new likewise after the name.
import hashlib

print(hashlib.sha256().digest() == hashlib.sha256(b"").digest())
print(hashlib.sha256(b"ab").digest() == hashlib.sha256(string=b"ab").digest())
for args in [(b"a", b"b"), (b"a", 1), (b"a", b"b", b"c")]:
    try:
        hashlib.sha256(*args)
        print("accepted")
    except TypeError:
        print("TypeError")
for args in [("sha256", b"a", b"b"), ("sha256", b"a")]:
    try:
        print(hashlib.new(*args).digest() == hashlib.sha256(b"a").digest())
    except TypeError:
        print("TypeError")
