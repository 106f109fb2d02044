# requires: ERROR_MSG_EXACT STR_FORMAT STR_UNICODE FLOAT
# %-formatting's errors as CPython's: %c of a code point too big, of a float or a list, of
# a str longer than one; a '*' width that is not an int; a mapping key missing; too few or
# too many values; an incomplete or unknown conversion; and %r / %a / %(name)s that work.
def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


class Idx:
    def __index__(self):
        return 65


show("%c 300", lambda: "%c" % 300)
show("%c 0x110000", lambda: "%c" % 0x110000)
show("%c -1", lambda: "%c" % -1)
show("%c 'ab'", lambda: "%c" % "ab")
show("%c 1.5", lambda: "%c" % 1.5)
show("%c [1]", lambda: "%c" % [1])
show("%c Idx", lambda: "%c" % Idx())
show("b%c 300", lambda: b"%c" % 300)
show("b%c b'ab'", lambda: b"%c" % b"ab")
show("%r", lambda: "%r|%a" % ("é", "é"))
show("%*d", lambda: "[%*d|%-*d]" % (4, 3, 4, 3))
show("%.*f", lambda: "%.*f" % (2, 3.14159))
show("%*d 'x'", lambda: "%*d" % ("x", 3))
show("%*d 2.0", lambda: "%*d" % (2.0, 3))
show("%(name)s", lambda: "%(name)s=%(v)d" % {"name": "v", "v": 4})
show("%(name)s missing", lambda: "%(name)s" % {"x": 1})
show("%(name)s tuple", lambda: "%(name)s" % ("v",))
show("too few", lambda: "%s %s" % ("a",))
show("too many", lambda: "%s" % ("a", "b"))
show("none needed", lambda: "abc" % 5)
show("none needed, tuple", lambda: "abc" % ())
show("incomplete", lambda: "abc %" % ())
show("unknown", lambda: "%z" % 1)
show("%d str", lambda: "%d" % "x")
