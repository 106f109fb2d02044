# requires: BUILTIN_HELPERS
class C:
    a = 1
    def m(self):
        pass
c = C()
c.inst = 2
d = dir(c)
print("a" in d, "m" in d, "inst" in d, "zzz" in d)
print("append" in dir([]), "keys" in dir({}), "upper" in dir(""))
top_level_name = 1
print("top_level_name" in dir(), "C" in dir())
