# requires: BUILTIN_OPEN STR_UNICODE
# A text file's bytes must be UTF-8: read(), read(n), readline(), readlines() and
# iteration raise UnicodeDecodeError (a ValueError) where they are not, as CPython's;
# well-formed text reads as before and the binary file gives the same bytes back.
with open("corpus_tmp_utf8.bin", "wb") as f:
    f.write(b"caf\xc3\xa9 ok\nsecond\n")
with open("corpus_tmp_utf8.bin") as f:
    print(repr(f.readline()), repr(f.read(2)), list(f))
for data in (b"caf\xc3\xa9 \xff\xfe byte\n", b"cut at the end \xe2\x82", b"\xed\xa0\x80 surrogate\n"):
    with open("corpus_tmp_utf8.bin", "wb") as f:
        f.write(data)
    with open("corpus_tmp_utf8.bin", encoding="utf-8") as f:
        try:
            f.read()
        except UnicodeDecodeError as e:
            print(type(e).__name__, isinstance(e, ValueError), e)
    for how in ("read3", "readline", "lines", "iter"):
        with open("corpus_tmp_utf8.bin") as f:
            try:
                if how == "read3":
                    while f.read(3):
                        pass
                elif how == "readline":
                    while f.readline():
                        pass
                elif how == "lines":
                    f.readlines()
                else:
                    for line in f:
                        pass
                print(how, "no error")
            except UnicodeError as e:
                print(how, type(e).__name__)
    with open("corpus_tmp_utf8.bin", "rb") as f:
        print(f.read() == data)
