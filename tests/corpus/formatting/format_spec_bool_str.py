# requires: STR_FORMAT
# bool with a spec formats as an int; '0' pads a str on the right; malformed fields raise.
print(repr("{:20}".format(False)), repr("{}".format(True)), repr("{:>6}".format(True)), repr(format(True, "")))
print(repr("{:06s}".format("ab")), repr("{:06}".format("ab")), repr("{:<06}".format(5)))
for fmt, arg in [("{!s :}", 1), ("{:=5s}", "ab"), ("{!x}", 1)]:
    try:
        print(repr(fmt.format(arg)))
    except ValueError:
        print("ValueError")
for fmt, arg in [("%(k)s %s", {"k": 1}), ("%s %(k)s", {"k": 1}), ("%s %s", {"k": 1}), ("%(k)s", {"k": 2})]:
    try:
        print(repr(fmt % arg))
    except TypeError as e:
        print("TypeError", e)
