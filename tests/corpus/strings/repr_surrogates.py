# requires: STR_UNICODE
# Lone surrogates (from chr) are not printable: repr shows them escaped.
print(repr(chr(0xD800)), repr("a" + chr(0xDFFF) + "b"), ascii(chr(0xDC00)), len(chr(0xD800)))
