# requires: STR_CODECS STR_UNICODE STR_FORMAT BUILTIN_BYTEARRAY BUILTIN_MEMORYVIEW MODULE_ARRAY
# bytes.decode('utf-8', errors) and str(buffer, 'utf-8', errors): 'ignore' drops each
# malformed sequence, 'replace' puts one U+FFFD in its place (a sequence is the lead byte
# with the continuation bytes that came before the fault, or a lone byte); strict raises
# UnicodeDecodeError whose start/end cover that same sequence.
import array

samples = [
    b"plain",
    b"caf\xc3\xa9 ok",
    b"\xff\xfe",
    b"left\xffright",
    b"\x80\x81\x82",
    b"\xc0\x20",
    b"end\xc3",
    b"\xe2\x82",
    b"\xe2\x82 next",
    b"\xe2\x28\xa1",
    b"\xf0\x9f\x98\x80 smile",
    b"\xf0\x9f\x98",
    b"\xf0\x9f\x20\x80",
    b"\xed\xa0\x80 surrogate",
    b"\xf4\x90\x80\x80 too big",
    b"\xe4\xf0\xe4",
    b"\xff\xc2\xa9\xff",
]
for raw in samples:
    try:
        strict = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        strict = "error %d-%d %s" % (e.start, e.end, e.reason)
    print(repr(raw), "|", ascii(strict))
    print("   ignore ", ascii(raw.decode("utf-8", "ignore")))
    print("   replace", ascii(raw.decode("utf-8", errors="replace")))

# any buffer: bytearray, memoryview, array
print(ascii(bytearray(b"a\xffb").decode("utf-8", "replace")))
print(ascii(str(memoryview(b"x\xc3\x28y"), "utf-8", "ignore")))
print(ascii(str(array.array("B", b"a\xffb\x80c"), "utf-8", "replace")))
print(ascii(str(b"\xe4\xb8\x80\xe4", encoding="utf-8", errors="replace")))
