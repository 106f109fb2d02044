# requires: MODULE_STRUCT FLOAT FLOAT_DOUBLE
import struct

print(struct.pack('<fd', 1.5, -2.25), struct.unpack('>d', struct.pack('>d', 3.14)), struct.unpack('<f', struct.pack('<f', 0.1)))
print(struct.pack('<e', 1.5), struct.unpack('<e', b'\x00\x3e'), struct.pack('>e', -2.0), struct.unpack('<e', struct.pack('<e', 65504.0)))
print(struct.unpack('<e', struct.pack('<e', 1e-7)), struct.pack('<d', 1), struct.unpack('<f', b'\x00\x00\x80\x7f'))
