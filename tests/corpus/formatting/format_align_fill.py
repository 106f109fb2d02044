# requires: STR_FORMAT
for s in ["", "a", "abc", "abcdefgh"]:
    print("[{:<6}][{:>6}][{:^6}][{:.<6}][{:_>6}][{:0^6}][{:6}]".format(s, s, s, s, s, s, s))
for n in [0, 5, -5, 123]:
    print("[{:<6}][{:>6}][{:^6}][{:=6}][{:06}][{:*=+7}][{:6}]".format(n, n, n, n, n, n, n))
