# requires: COMPILER CLASS_ADVANCED
# type(name, bases, dict) gives the class the calling code's __name__ as __module__ (unless the
# dict has one), also when called inside exec with globals of another name, and in a
# function; repr and str of the class and its instances' type show it.


def show(tag, f):
    try:
        print(tag, repr(f()))
    except Exception as e:
        print(tag, type(e).__name__)


T = type("T", (), {})
show(1, lambda: T.__module__)
show(2, lambda: repr(T))
show(3, lambda: str(type(T())))
U = type("U", (T,), {"__module__": "elsewhere"})
show(4, lambda: (U.__module__, repr(U)))
V = type("V", (), {"__module__": 5})
show(5, lambda: (V.__module__, repr(V)))


def make(name):
    return type(name, (object,), {"x": 1})


W = make("W")
show(6, lambda: (W.__module__, W.x, repr(W)))
ns = {"__name__": "pkg.mod"}
exec("K = type('K', (), {})", ns)
show(7, lambda: (ns["K"].__module__, repr(ns["K"])))
d = {"a": 1}
X = type("X", (), d)
show(8, lambda: ("__module__" in d, sorted([k for k in X.__dict__ if not k.startswith("__")])))
long_name = "n" * 300
Y = type(long_name, (), {})
show(9, lambda: repr(Y) == "<class '__main__." + long_name + "'>")


class Meta(type):
    def __new__(mcs, name, bases, ns):
        return super().__new__(mcs, name, bases, ns)


Z = Meta("Z", (), {})
show(10, lambda: (Z.__module__, type(Z).__name__))
