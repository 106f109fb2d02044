# requires: STR_UNICODE STR_FORMAT FLOAT
# ascii(), %a, !a: repr with non-ASCII characters escaped.
for v in ["plain", "café", "naïve ☃ snow", "emoji 🐍!", "\x7f\x80\xff", ["é", ("ü", 1)], {"ключ": "значение"}, b"\xc3\xa9", 3.5]:
    print(ascii(v))
print("%a|%r|%s" % ("é", "é", "é"))
print("{!a} {!r} {!s}".format("ß", "ß", "ß"))
x = "Ω"
print("{!a} {}".format(x, x))
print(ascii("") == "''", ascii("'") , ascii('"'))
print(len(ascii("\U0001F600")), ascii("\u0100"), ascii("\xff"))
