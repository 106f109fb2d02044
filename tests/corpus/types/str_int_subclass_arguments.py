# requires: SLOT_WRAPPERS_TYPES MODULE_JSON FLOAT BUILTIN_HELPERS STR_FORMAT
# Instances of classes derived from str and int are taken where a str or an int is: as the
# arguments of str methods (join, startswith, replace, split, find...), by hex()/bin()/oct()
# (the int itself, whatever the class's __index__), and by json.dumps (their values); a
# bytes method still refuses a str-derived argument.
import json


class Name(str):
    pass


class Code(int):
    def __index__(self):
        return 0


class Ratio(float):
    pass


n = Name("b")
print(",".join(["a", n, Name("c")]), "ab".startswith(Name("a")), "ab".endswith((n, "z")))
print("xyz".replace(Name("y"), Name("Y")), "a-b".split(Name("-")), "abc".find(n), n in "abc")
print("a" + n, n + "a", "abc".count(n), "abc".index(n), "a b".partition(Name(" ")))
c = Code(255)
print(hex(c), bin(Code(5)), oct(Code(8)), "%x" % c, [10, 20, 30][Code(2)] if False else "skip-index")
print(json.dumps([Code(1), Name("x"), Ratio(1.5), {"k": Name("v")}]))
for bad in (lambda: b"abc".replace(Name("a"), b"z"), lambda: b"-".join([Name("a")]), lambda: "abc".startswith(Code(1))):
    try:
        bad()
        print("no error")
    except TypeError:
        print("TypeError")
