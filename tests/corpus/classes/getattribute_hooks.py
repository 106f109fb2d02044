# __getattribute__ and __getattr__, defined in the class body or added to a class (or
# a base) after instances exist and their attributes were loaded in a loop.
class Logged:
    def __init__(self):
        self.x = 1

    def __getattribute__(self, name):
        if name.startswith("secret"):
            raise AttributeError(name)
        value = object.__getattribute__(self, name)
        return ("logged", value) if name == "x" else value

    def __getattr__(self, name):
        return "fallback " + name

    def method(self):
        return "method"


lg = Logged()
print(lg.x, lg.method(), lg.secret_key, getattr(lg, "secret2", "unused"), hasattr(lg, "secret"))
print(lg.missing, object.__getattribute__(lg, "x"))
try:
    object.__getattribute__(lg, "missing")
except AttributeError:
    print("AttributeError from object.__getattribute__")


class Sub(Logged):
    def __getattribute__(self, name):
        return "sub " + str(super().__getattribute__(name))


print(Sub().x, Sub().secret)


class Plain:
    def __init__(self):
        self.x = 1

    def f(self):
        return "f"


class Derived(Plain):
    pass


objs = [Plain(), Derived()]


def loop(tag):
    out = []
    for o in objs:
        for name in ("x", "y"):
            try:
                out.append(getattr(o, name) if name == "y" else o.x)
            except AttributeError:
                out.append("AttributeError")
        f = o.f
        out.append(f if isinstance(f, str) else f())
    print(tag, out)


loop("warm")
loop("warm again")
Plain.__getattribute__ = lambda self, name: "hooked " + name
loop("__getattribute__ added")
del Plain.__getattribute__
loop("removed")
Plain.__getattr__ = lambda self, name: "getattr " + name
loop("__getattr__ added to the base")
Derived.__getattribute__ = lambda self, name: object.__getattribute__(self, name) if name == "f" else name * 2
loop("__getattribute__ on the subclass")
del Derived.__getattribute__
del Plain.__getattr__
loop("both removed")


# __getattribute__ raising something other than AttributeError: no fallback
class Strict:
    def __getattribute__(self, name):
        raise KeyError(name)

    def __getattr__(self, name):
        return "not reached"


try:
    Strict().anything
except KeyError as e:
    print("KeyError", e)
