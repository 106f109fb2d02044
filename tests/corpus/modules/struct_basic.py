# requires: MODULE_STRUCT BUILTIN_BYTEARRAY INT_BIG_MPZ
import struct

print(struct.pack('<hI', -2, 7), struct.pack('>HhBb?', 65535, -1, 255, -128, True))
print(struct.unpack('>q', b'\x00' * 7 + b'\x05'), struct.unpack('<q', b'\xff' * 8), struct.unpack('<Q', b'\xff' * 8))
print(struct.unpack('<2i', struct.pack('<2i', -5, 7)), struct.unpack('!I', b'\x01\x02\x03\x04'))
print(struct.pack('4s2x', b'ab'), struct.unpack('3s', b'xyz'), struct.pack('3s', b'abcdef'), struct.pack('c', b'z'))
print(struct.calcsize('<qQhd'), struct.calcsize('@bi'), struct.calcsize('@bqb'), struct.calcsize('=bqb'), struct.calcsize(''))
print(struct.calcsize('<10s3H'), struct.pack('<3H', 1, 2, 3), struct.unpack('<3H', b'\x01\x00\x02\x00\x03\x00'))
print(struct.pack('@bi', 1, 2) == struct.pack('b3xi', 1, 2), struct.pack('<?', 0), struct.unpack('??', b'\x00\x05'))
print(struct.pack('<q', -2**63), struct.pack('>Q', 2**64 - 1), struct.unpack('<i', struct.pack('<i', -2**31)))
buf = bytearray(8)
struct.pack_into('<hh', buf, 2, 1, -1)
print(buf, struct.unpack_from('<h', buf, 4), struct.unpack_from('<h', buf, offset=2), struct.unpack_from('<2h', buf, -4))
print(list(struct.iter_unpack('<h', b'\x01\x00\x02\x00')), struct.pack('> h', 1))
