# requires: FLOAT ERROR_MSG_DETAILED
# int() of an object calls its __int__ (or else __index__), and the result must be an
# int: anything else raises TypeError naming the method and the type returned.
class Good:
    def __int__(self):
        return 42


class Index:
    def __index__(self):
        return 7


class ReturnsNone:
    def __int__(self):
        return None


class ReturnsFloat:
    def __int__(self):
        return 2.5


class ReturnsStr:
    def __index__(self):
        return "9"


class ReturnsBool:
    def __int__(self):
        return False


for obj in (Good(), Index(), ReturnsNone(), ReturnsFloat(), ReturnsStr(), ReturnsBool()):
    try:
        print(type(obj).__name__, int(obj))
    except TypeError as e:
        print(type(obj).__name__, "TypeError", e)
