# requires: STR_FORMAT
class P:
    def __str__(self):
        return "str-P"
    def __repr__(self):
        return "repr-P"
p = P()
print("%s %r" % (p, p), "%s" % (p,), "%5s|%-7r|" % (p, p))
class I:
    def __int__(self):
        return 12
    def __index__(self):
        return 12
print("%d %x" % (I(), I()))
print("%s" % True, "%d" % True, "%r" % b"b")
