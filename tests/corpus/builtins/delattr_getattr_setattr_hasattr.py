# requires: BUILTIN_HELPERS
class O:
    cls_attr = "c"
o = O()
setattr(o, "x", 5)
print(getattr(o, "x"), o.x, hasattr(o, "x"), hasattr(o, "y"), getattr(o, "y", None))
print(getattr(o, "cls_attr"), getattr(O, "cls_attr"), getattr("str", "upper")())
delattr(o, "x")
print(hasattr(o, "x"))
try:
    getattr(o, "x")
except AttributeError:
    print("AttributeError")
try:
    delattr(o, "nothing")
except AttributeError:
    print("AttributeError del")
setattr(O, "added", 1)
print(o.added)
