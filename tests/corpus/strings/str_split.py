print("a,b,,c".split(","), "a b  c ".split(), "  lead".split(), "".split(), "".split(","))
print("a,b,c,d".split(",", 2), "a,b,c,d".rsplit(",", 2), "a b c".rsplit(None, 1))
print("one\ntwo\r\nthree\n".splitlines(), "x\n\ny".splitlines(), "keep\nends\n".splitlines(True))
print("k=v=w".partition("="), "k=v=w".rpartition("="), "none".partition("="), "none".rpartition("="))
try:
    "a".split("")
except ValueError as e:
    print("ValueError")
