# requires: EXC_ATTRS MODULE_SYS
# The attributes a raise fills in: ImportError.name and .path from a failing import,
# NameError.name, AttributeError.name and .obj; notes added with add_note().
try:
    import no_such_module_here
except ImportError as e:
    print(type(e).__name__, e.name, e.path)
try:
    import no_such_package_here.sub
except ImportError as e:
    print(type(e).__name__, e.name, e.path)
try:
    from sys import no_such_name_here
except ImportError as e:
    print(type(e).__name__, e.name, e.path)
try:
    undefined_name_here
except NameError as e:
    print(type(e).__name__, e.name)


def f():
    return other_undefined_name


try:
    f()
except NameError as e:
    print(type(e).__name__, e.name)
try:
    (5).no_attr
except AttributeError as e:
    print(type(e).__name__, e.name, e.obj)


class C:
    pass


c = C()
try:
    c.missing
except AttributeError as e:
    print(e.name, e.obj is c)
try:
    C.missing_too
except AttributeError as e:
    print(e.name, e.obj is C)

e = ValueError("v")
print(hasattr(e, "__notes__"))
e.add_note("first")
e.add_note("second")
print(e.__notes__)
try:
    e.add_note(3)
except TypeError:
    print("TypeError")
e.__notes__ = ("not", "a list")
try:
    e.add_note("x")
except TypeError:
    print("TypeError")
try:
    try:
        1 // 0
    except ZeroDivisionError as z:
        z.add_note("while dividing")
        raise
except ZeroDivisionError as z:
    print(z.__notes__)
