for thing in (ValueError, ValueError("inst"), KeyError):
    try:
        raise thing
    except Exception as e:
        print(type(e).__name__, e.args)
try:
    raise 5
except TypeError as e:
    print("TypeError")
class NotExc:
    pass
try:
    raise NotExc
except TypeError:
    print("TypeError non-exception class")
