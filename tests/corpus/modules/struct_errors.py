# requires: MODULE_STRUCT INT_BIG_MPZ
import struct

for fmt, v in [('<h', 40000), ('<B', -1), ('<b', 128), ('<H', 70000), ('<i', 2**31), ('<I', -1), ('<I', 2**32), ('<Q', -1), ('<q', 2**63), ('<i', 'x')]:
    try:
        struct.pack(fmt, v)
    except struct.error as e:
        print(fmt, v, 'struct.error:', e)
for call in (lambda: struct.unpack('<i', b'12'), lambda: struct.pack('<2h', 1), lambda: struct.pack('c', b'ab'),
             lambda: struct.calcsize('z'), lambda: struct.unpack_from('<i', b'123', 1), lambda: struct.pack('s', 'x')):
    try:
        call()
    except struct.error as e:
        print('struct.error:', e)
print(issubclass(struct.error, Exception), struct.error.__name__)
