# requires: MODULE_HASHLIB MODULE_HASHLIB_SHA1 MODULE_HASHLIB_MD5
import hashlib

for data in (b'', b'abc', b'a' * 55, b'a' * 56, b'a' * 64, b'a' * 1000, bytes(range(200))):
    print(len(data), hashlib.sha1(data).hexdigest(), hashlib.md5(data).hexdigest())
h = hashlib.md5(b'part1')
c = h.copy()
h.update(b'part2')
print(h.hexdigest(), c.hexdigest(), h.digest_size, hashlib.sha1().digest_size, h.name, hashlib.new('SHA1', b'x').hexdigest())
