# requires: STR_UNICODE STR_METHODS_MORE
# str.isprintable() beyond ASCII agrees with repr(): the C1 controls U+0080..U+009F, the
# no-break space U+00A0, the soft hyphen U+00AD and lone surrogates are not printable (repr
# shows them as escapes); other letters and symbols of any script are.
samples = [
    "plain text",
    "caf\xe9 \xa1hola!",
    "tab\there",
    "next\x85line",
    "no\xa0break",
    "soft\xadhyphen",
    "\x80",
    "\x9f",
    "\xa1\xbf\xff",
    "\u0100\u4e2d\u6587",
    "\U0001f600 \U0001f40d",
    "lone " + chr(0xD800),
    chr(0xDFFF),
    "",
]
for s in samples:
    r = repr(s)
    escaped = "\\x" in r or "\\u" in r or "\\t" in r
    print(ascii(s), s.isprintable(), escaped)
    # a string repr() shows without escapes is printable, and the other way round
    assert s.isprintable() == (not escaped)
