# requires: ERROR_MSG_DETAILED
class Klass:
    pass
for obj, name in ((Klass(), "nope"), (1, "nope"), ("s", "nope"), ([], "nope"), (None, "nope")):
    try:
        getattr(obj, name)
    except AttributeError as e:
        print(e)
