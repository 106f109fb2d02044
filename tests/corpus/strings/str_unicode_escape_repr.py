# requires: STR_UNICODE
for s in ["é", "\u2603", "\x00", "\t", "\U0001F600", "日本"]:
    print(repr(s), len(s), len(s.encode()))
