# requires: STR_FORMAT
print(format(42), format(42, "5"), format(42, "<5") + "|", format(42, "x"), format(42, "#b"))
print(format("txt", ">5"), format("txt", ""), format(True), format(None), format([1, 2]))
class Fmt:
    def __format__(self, spec):
        return "Fmt(" + spec + ")"
print(format(Fmt(), "abc"), "{:xyz}".format(Fmt()), "{}".format(Fmt()), f"{Fmt():q}")
