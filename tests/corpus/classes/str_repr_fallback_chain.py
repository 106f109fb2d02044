# requires: STR_FORMAT
class R:
    def __repr__(self):
        return "<R>"
class S(R):
    def __str__(self):
        return "S-str"
print(str(R()), repr(R()), str(S()), repr(S()), [R(), S()], "%s|%r" % (S(), S()))
