# requires: BUILTIN_BYTEARRAY BUILTIN_MEMORYVIEW
# bytes compare by content with bytearray and memoryview, both ways.
print(b"123" == bytearray(b"123"), bytearray(b"123") == b"123", b"123" != bytearray(b"123"))
print(b"12" == memoryview(b"12"), b"a" < bytearray(b"b"), b"b" >= bytearray(b"b"))
print(b"x" == "x", b"" == bytearray())
