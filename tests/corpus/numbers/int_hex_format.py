# requires: BUILTIN_HELPERS STR_FORMAT
for v in (0, 1, 15, 16, 255, 4096, -1, -256, 65535):
    print(v, hex(v), oct(v), bin(v), "%x" % v, "%o" % v, "%08X" % (v & 0xFFFF))
