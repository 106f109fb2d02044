# requires: MODULE_HASHLIB MODULE_HASHLIB_SHA256 BUILTIN_BYTEARRAY
import hashlib

print(hashlib.sha256(b'abc').hexdigest())
print(hashlib.sha256().hexdigest(), hashlib.sha256(b'').digest()[:4])
print(hashlib.sha256(b'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq').hexdigest())
h = hashlib.sha256()
h.update(b'a' * 100)
h2 = h.copy()
h2.update(b'b')
print(h.hexdigest(), h2.hexdigest(), h.digest_size, h.block_size, h.name)
for n in (55, 56, 63, 64, 65, 119, 120, 1000):
    print(n, hashlib.sha256(b'x' * n).hexdigest())
inc = hashlib.sha256()
for i in range(10):
    inc.update(bytes(range(i * 7)))
print(inc.hexdigest(), inc.hexdigest() == inc.hexdigest())
print(hashlib.sha256(bytearray(b'ba')).hexdigest(), hashlib.sha256(string=b'kw').hexdigest(), hashlib.new('sha256', b'abc').hexdigest())
for bad in (lambda: hashlib.sha256('str'), lambda: hashlib.sha256().update(5), lambda: hashlib.new('nope')):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__)
