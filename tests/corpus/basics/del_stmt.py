a = 1
del a
try:
    print(a)
except NameError as e:
    print(type(e).__name__)
lst = [0, 1, 2, 3, 4]
del lst[0], lst[-1]
print(lst)
d = {"x": 1, "y": 2}
del d["x"]
print(d)
class O:
    pass
o = O()
o.attr = 5
del o.attr
print(hasattr(o, "attr"))
def f():
    v = 1
    del v
    try:
        return v
    except NameError as e:
        return type(e).__name__
print(f())
