# requires: MODULE_BINASCII INT_BIG_MPZ|INT_BIG_LONGLONG BUILTIN_BYTEARRAY
import binascii

print(binascii.hexlify(b'\x01\xab\xff'), binascii.b2a_hex(b''), binascii.hexlify(bytearray(b'AZ')))
print(binascii.hexlify(b'\x01\x02\x03', '-'), binascii.hexlify(b'\x01\x02\x03\x04\x05', ':', 2), binascii.hexlify(b'\x01\x02\x03\x04\x05', b' ', -2))
print(binascii.unhexlify('0aff'), binascii.unhexlify(b'DEADbeef'), binascii.a2b_hex(''))
print(binascii.b2a_base64(b'hello world'), binascii.b2a_base64(b''), binascii.b2a_base64(b'a'), binascii.b2a_base64(b'ab', newline=False))
print(binascii.a2b_base64(b'aGVsbG8gd29ybGQ='), binascii.a2b_base64('YQ=='), binascii.a2b_base64(b'YWI='), binascii.a2b_base64(b'YW Jj\n'))
print(binascii.a2b_base64(b''), binascii.a2b_base64(b'YQ==YQ=='))
data = bytes(range(256))
print(binascii.a2b_base64(binascii.b2a_base64(data)) == data, binascii.unhexlify(binascii.hexlify(data)) == data)
print(binascii.crc32(b'hello'), binascii.crc32(b''), binascii.crc32(b'abc', 12345), binascii.crc32(b'world', binascii.crc32(b'hello ')), binascii.crc32(b'hello world'))
for bad in ['abc', 'zz', b'0g']:
    try:
        binascii.unhexlify(bad)
    except binascii.Error as e:
        print('Error', e)
for bad in [b'YWJ', b'Y']:
    try:
        binascii.a2b_base64(bad)
    except binascii.Error as e:
        print('Error', e)
print(issubclass(binascii.Error, ValueError))
