# requires: STR_FORMAT FLOAT STR_UNICODE
# Malformed replacement fields raise the ValueError CPython raises, with its message:
# which one depends on where the scan of the field stops (name, conversion, spec).
fields = [
    "{0!s", "{0", "{0:", "{!}", "{0!}", "{0!}}", "{!:}", "{0!x}", "{0!ss}", "{0!s:", "{", "{0!",
    "{a{}", "{0{}}", "{0[", "{0[}", "{0!s{}", "{0!{}", "{0:}}", "{0!\u00e9}", "{0!\u00e9",
    "{0!\u4e00}", "{0! }", "{0!\x7f}", "{0!~}", "{0!\U0001f40d}",
]
for f in fields:
    try:
        print(repr(f), repr(f.format(1)))
    except ValueError as e:
        print(repr(f), "ValueError", e)
# Well-formed fields around the same characters still work.
mapping = {"!": 1, ":": 2, "}": 3, "a": "\u00e9"}
for f in ["{0[!]}", "{0[:]}", "{0[}]}", "{0[a]!r}", "{!r}", "{0!r:>{1}}", "{0!r}{1!s:^5}|", "x{{y}}z{0!a}"]:
    print(repr(f), repr(f.format(mapping, 5)))
print(repr("{0:=}".format(1)), repr("{:=8}".format(-1.5)))
for f, arg in [("{0:=}", "a"), ("{0:<=5}", "a"), ("{0:=^5}", None), ("{!r:=5}", 1)]:
    try:
        print(repr(f.format(arg)))
    except ValueError as e:
        print(f, "ValueError", e)
for f, arg in [("%(k)s %s", {"k": 1}), ("%(k)s %*d", {"k": 1}), ("%s %(k)s", ({"k": 1},))]:
    try:
        print(repr(f % arg))
    except TypeError as e:
        print(f, "TypeError", e)
