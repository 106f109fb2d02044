# requires: BUILTIN_PROPERTY ERROR_MSG_DETAILED BUILTIN_HELPERS
# Storing to or deleting a property that has no setter or deleter: AttributeError naming
# the property and the instance's class, as CPython 3.11 words it.
class Reading:
    @property
    def level(self):
        return 3

    width = property(lambda self: 1, lambda self, v: print("width", v))


r = Reading()
for action in (lambda: setattr(r, "level", 4), lambda: delattr(r, "level"), lambda: delattr(r, "width")):
    try:
        action()
        print("no error")
    except AttributeError as e:
        print("AttributeError:", e)
r.width = 9
print(r.level, r.width)
