# requires: ERROR_MSG_DETAILED STR_UNICODE
cases = [b"\xff", b"ok\xc3", b"\xc0\xaf", b"\xe0\x80\x80", b"\xed\xa0\x80", b"a\xc3(b",
         b"\xf4\x90\x80\x80", b"\xf8\x88\x80\x80\x80", "h\u00e9llo \u20ac \U0001f600".encode()]
for data in cases:
    try:
        print(repr(data.decode()))
    except UnicodeDecodeError as e:
        print(type(e).__name__, isinstance(e, UnicodeError), isinstance(e, ValueError), e)
try:
    str(b"\x80", "utf-8")
except UnicodeError as e:
    print("str():", e)
