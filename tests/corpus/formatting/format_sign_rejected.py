# requires: STR_FORMAT ERROR_MSG_DETAILED
# A sign (+, -, space) in a str format spec, or with the integer code 'c', is a
# ValueError; with the other integer codes and with floats it is honoured.
cases = [
    ("{:+s}", "word"),
    ("{:-s}", "word"),
    ("{: s}", "word"),
    ("{:+}", "word"),
    ("{:+c}", 65),
    ("{: c}", 66),
    ("{:-c}", 67),
    ("{:c}", 68),
    ("{:+d}", 5),
    ("{: d}", 5),
    ("{:-x}", -255),
    ("{:+}", True),
    ("{:<+8s}", "ab"),
    ("{!r:+}", "ab"),
    ("{!s: >6}", 12),
]
for spec, value in cases:
    try:
        print(spec, "->", repr(spec.format(value)))
    except ValueError as e:
        print(spec, "ValueError", e)
print(format("abc", "^7s"), format(7, "+c") if False else "skip")
