# requires: COMPILER STR_UNICODE
# Source given to eval/exec/compile as bytes must be well-formed UTF-8: a malformed byte in a
# str literal, an f-string or a name is a SyntaxError at that line (never a str holding the
# bad byte); a UTF-8 BOM before bytes source is skipped; well-formed multi-byte text works.
bad = [
    b"'ab\xa1'",  # a lone continuation byte
    b"'\xc3'",  # a sequence cut short by the quote
    b"'\xc3x'",  # a lead byte without its continuation
    b"'\xe0\x80\x80'",  # overlong
    b"'\xed\xa0\x80'",  # a surrogate
    b"'\xf4\x90\x80\x80'",  # beyond U+10FFFF
    b"'\xf8\x88\x80\x80\x80'",  # a five-byte form
    b"'\xff'",
    b"x\xff",  # in a name
    b"\xc3\xa9\xff",  # a name that starts well
    b"f'{1}\xfe'",  # an f-string
    b"1 + len('\x80')",  # inside an expression
]
for src in bad:
    for mode in ("eval", "exec"):
        try:
            r = eval(src) if mode == "eval" else exec(src, {})
            print(mode, "no error", ascii(r))
        except SyntaxError as e:
            print(mode, type(e).__name__, e.lineno)
for src in [
    b"a = 1\nb = 'ok'\nc = 'x\xb0y'\n",
    b"def f():\n    return 1\n\n\nq\xe9\xff = 2\n",
    b"s = '''\n\n\xe2\x82'''\n",
]:
    try:
        exec(compile(src, "src.py", "exec"), {})
        print("no error")
    except SyntaxError as e:
        print(type(e).__name__, e.filename, e.lineno)
good = [
    b"'\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80'",
    b"\xef\xbb\xbf'bom' * 2",
    b"\xef\xbb\xbf\n\n3 + 4",
    "len('\u00e9\u20ac')".encode(),
    b"[\xc3\xa9 := 5, \xc3\xa9 + 1]",
]
for src in good:
    r = eval(src)
    print(ascii(r), len(r) if isinstance(r, str) else "")
g = {}
exec(b"\xef\xbb\xbfname\xc3\xa9 = 'v\xc3\xa9'\nout = len(name\xc3\xa9)", g)
print(g["out"], ascii(g["name\u00e9"]))
