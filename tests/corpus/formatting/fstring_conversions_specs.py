# requires: STR_FORMAT
class T:
    def __repr__(self):
        return "T()"
    def __str__(self):
        return "t-str"
t = T()
print(f"{t}", f"{t!r}", f"{t!s}", f"{t!r:>6}|", f"{t!s:<6}|")
s = "q'uote"
print(f"{s!r}", f"{s:10}|", f"{[s]}")
