# requires: STR_FORMAT
# __format__ that returns something other than a str: TypeError from format(), f-strings
# and str.format (the VM read the result as a str before, whatever its type).
class F:
    def __init__(self, r):
        self.r = r

    def __format__(self, spec):
        return self.r


for r in (1, None, b"x", ["a"], "ok"):
    for make in (
        lambda o: format(o),
        lambda o: format(o, ">5"),
        lambda o: f"{o}",
        lambda o: f"{o:x}",
        lambda o: "{}".format(o),
        lambda o: "[{:>4}]".format(o),
    ):
        try:
            print(repr(make(F(r))))
        except TypeError as e:
            print("TypeError", e)
