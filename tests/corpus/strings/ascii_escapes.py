# requires: BUILTIN_EXTRAS STR_UNICODE
# ascii() is repr() with every non-ASCII character escaped (the repr's own escaping loop)
class R:
    def __repr__(self):
        return "\u00e9\u20ac\U0001f600x"
for o in ["abc", "\u00e9", "a\u20acb", "\U0001f600", ["\u00e9", b"\xe9", "x'y"], R(), "\x80\xa0\xad",
          "\n\t'\"", b"a\n\x00\xff'", chr(0xd800), {"\u00fc": ("\u00ff",)}]:
    print(ascii(o), ascii(o) == repr(o))
