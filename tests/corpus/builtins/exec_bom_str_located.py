# requires: COMPILER STR_UNICODE
# A str source starting with U+FEFF is CPython's SyntaxError at line 1, column 1 of the file
# name given, the first line its text; a NUL in the source is one without a place.

for s in ("1\x002", "\ufeff1", "\ufeffx = 1\ny = 2", b"1\x00"):
    for f in (eval, exec):
        try:
            print(f.__name__, ascii(s), f(s))
        except SyntaxError as e:
            first = s.split("\n")[0] if isinstance(s, str) else None
            print(f.__name__, ascii(s), e.args[0], e.filename, e.lineno, e.offset, e.text == first, str(e))
try:
    compile("\ufeffpass", "bom.py", "exec")
except SyntaxError as e:
    print(e.args[0], e.filename, e.lineno, e.offset, e.text == "\ufeffpass", str(e))
print(eval(b"\xef\xbb\xbf40 + 2"))
