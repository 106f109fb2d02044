# requires: STR_UNICODE
# Indexing a str by a non-negative int: the ASCII prefix is read directly, anything
# after a non-ASCII character counts characters, negative and out-of-range indexes.
for s in ("hello", "h\u00e9llo", "\u00e9abc", "abc\u20ac", "a\U0001f40db", "", "x"):
    got = []
    for i in range(-len(s) - 1, len(s) + 1):
        try:
            got.append(s[i])
        except IndexError:
            got.append("IndexError")
    print(repr(s), got)
print("abc"[True], "abc"[False])
word = "DHRYSTONE PROGRAM"
print(word[2] == "DHRYSTONE"[2], word[2] is word[2] or word[2] == word[2])
