# requires: INT_BIG FLOAT
# bytes.find/count/index/rfind/rindex with an int needle: a byte 0..255, else ValueError for
# any int (a big one was an OverflowError); splitlines(keepends) takes an int or a bool only
# (anything else was taken by its truth).
for needle in (98, 0, 256, -1, 2**70, -(2**70), True):
    row = []
    for name in ("find", "rfind", "count", "index", "rindex"):
        try:
            row.append(repr(getattr(b"abcab", name)(needle)))
        except (ValueError, OverflowError) as e:
            row.append(type(e).__name__)
    print(needle, " ".join(row))
for keep in (0, 1, True, False, 2**70, 1.5, None, "a"):
    try:
        print("a\nb".splitlines(keep), b"a\r\nb".splitlines(keepends=keep))
    except (TypeError, OverflowError) as e:
        print(type(e).__name__)
