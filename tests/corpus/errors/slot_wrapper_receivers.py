# requires: SLOT_WRAPPERS_TYPES ERROR_MSG_DETAILED
# Special methods of builtin types called through the type with a receiver of another type:
# TypeError naming the method, the type and the receiver's type; never a crash.


class U:
    pass


class S(str):
    pass


class L(list):
    pass


wrong = [5, "x", [1], {}, None, (1,), U(), S("s"), L([2]), True]
methods = {
    int: ["__add__", "__mul__", "__lt__", "__neg__", "__repr__", "__hash__", "__index__", "__radd__"],
    str: ["__len__", "__mul__", "__getitem__", "__contains__", "__eq__"],
    list: ["__len__", "__setitem__", "__iter__", "__init__", "__eq__"],
    tuple: ["__len__", "__getitem__", "__mul__"],
    dict: ["__len__", "__getitem__", "__delitem__", "__init__", "__iter__"],
    bytes: ["__len__", "__getitem__"],
    range: ["__len__", "__contains__"],
}
for t, names in methods.items():
    for name in names:
        f = getattr(t, name)
        for r in wrong:
            args = {"__setitem__": (0, 1), "__neg__": (), "__repr__": (), "__hash__": (), "__index__": (),
                    "__len__": (), "__iter__": (), "__init__": ()}.get(name, (0,))
            try:
                f(r, *args)
                print(t.__name__, name, type(r).__name__, "ok")
            except TypeError as e:
                print(t.__name__, name, type(r).__name__, "TypeError:", e)
            except (IndexError, KeyError, ValueError) as e:
                print(t.__name__, name, type(r).__name__, type(e).__name__)

# no receiver, too many or too few arguments
for call in (lambda: list.__len__(), lambda: int.__add__(1), lambda: int.__add__(1, 2, 3),
             lambda: list.__len__([], 1), lambda: str.__getitem__("ab")):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
