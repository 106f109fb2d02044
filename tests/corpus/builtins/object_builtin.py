o = object()
print(type(o).__name__, isinstance(o, object), o == o, o != object())
try:
    o.x = 1
except AttributeError:
    print("AttributeError")
class E(object):
    pass
print(E.__bases__[0] is object)
