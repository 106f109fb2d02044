# requires: BUILTIN_HELPERS
# A function's __globals__ cannot be replaced; other attributes can be set freely.
def f():
    return 1


try:
    f.__globals__ = {}
    print("replaced")
except AttributeError as e:
    print("AttributeError")
print(f.__globals__ is globals())
f.tag = "x"
print(f.tag, f.__dict__)
f.__globals__["added_by_f"] = 5
print(added_by_f)
