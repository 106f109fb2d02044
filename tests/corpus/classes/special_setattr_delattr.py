# requires: BUILTIN_HELPERS
class Guard:
    def __init__(self):
        object.__setattr__(self, "log", [])
    def __setattr__(self, name, value):
        self.log.append("set " + name)
        if name == "locked":
            raise AttributeError("locked is read-only")
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.log.append("del " + name)
        object.__delattr__(self, name)
g = Guard()
g.a = 1
setattr(g, "b", 2)
try:
    g.locked = 3
except AttributeError as e:
    print(e)
del g.a
delattr(g, "b")
print(g.log, hasattr(g, "a"), hasattr(g, "b"))
