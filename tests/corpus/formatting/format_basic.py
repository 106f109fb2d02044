# requires: STR_FORMAT
print("{}, {}!".format("Hello", "world"), "{1}{0}".format("a", "b"), "{0}{0}{0}".format("x"))
print("{name} is {age}".format(name="Bo", age=3), "{0} {k}".format(1, k=2))
print("{0[0]}{0[1]} {1[key]} {2[1][0]}".format("ab", {"key": "v"}, [0, (9,)]))
class O:
    attr = "A"
    nested = None
o = O()
o.nested = O()
print("{0.attr} {0.nested.attr} {obj.attr}".format(o, obj=o))
print("{!r}|{!s}".format("s", "t"), "{0!r:>8}|{1!s:<3}|".format("s", "t"))
print("{{}} {{{}}}".format(5))
