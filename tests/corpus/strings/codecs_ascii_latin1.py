# requires: STR_UNICODE STR_CODECS
# encode/decode know utf-8, ascii and latin-1 (with their aliases); other codecs are a
# LookupError, never silently utf-8 (CPython knows many more: none of them is used here).
print("é€".encode(), "é".encode("latin-1"), "é".encode("ISO-8859-1"), "abc".encode("ascii"))
print(b"\xe9".decode("latin-1"), b"abc".decode("us-ascii"), b"\xc3\xa9".decode("UTF8"))
print("é€".encode("ascii", "replace"), "é€x".encode("latin-1", "ignore"), b"a\xffb".decode("ascii", "ignore"))
for call in (lambda: "é".encode("ascii"), lambda: "€".encode("latin-1"), lambda: "😀".encode("ascii")):
    try:
        call()
    except UnicodeEncodeError as e:
        print("UnicodeEncodeError", e)
try:
    b"\xe9".decode("ascii")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
for enc in ("nonsense", "latin-2x", "utf-9"):
    try:
        "x".encode(enc)
    except LookupError as e:
        print("LookupError", e)
print("x".encode("utf-8", "bogus-handler"))
