# requires: STR_UNICODE STR_UNICODE_CASE BUILTIN_HELPERS STR_FORMAT
# repr() and isprintable() treat private-use characters, noncharacters and code points of
# the unassigned planes as not printable, as CPython does: \u or \U escapes in the repr
# (ascii() escapes every non-ASCII character anyway); letters, symbols and emoji stay.
samples = [0xE000, 0xF8FF, 0xF900, 0xFDCF, 0xFDD0, 0xFDEF, 0xFDF0, 0xFFFD, 0xFFFE, 0xFFFF, 0x1F44C,
           0x1FFFE, 0x2FFFF, 0x30000, 0x40000, 0xDFFFF, 0xF0000, 0xFFFFD, 0x10FFFF]
for cp in samples:
    s = "<" + chr(cp) + ">"
    print(hex(cp), repr(s), ascii(s), s.isprintable(), len(repr(s)))
mixed = "é\ue000ü\U0001f600\ufffe\U0010ffff\u20ac"
print(repr(mixed), mixed.isprintable(), mixed[:1].isprintable(), "\u20ac\U0001f600".isprintable())
print(eval(repr(mixed)) == mixed, "%r|%s" % (mixed[1:3], mixed[1:3]) == repr(mixed[1:3]) + "|" + mixed[1:3])
print("{!r}".format(chr(0xFFFF)), f"{chr(0x10FFFE)!r}", [chr(0xE123)], {chr(0x50000): 1})
