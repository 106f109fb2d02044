# requires: CLASS_ADVANCED BUILTIN_PROPERTY
# What a metaclass gains or loses after its classes exist (__getattr__, a property) is
# seen from those classes at once, and from their subclasses, never from instances.
class Meta(type): pass
class WithMeta(metaclass=Meta): pass
print(getattr(WithMeta, "missing", "-"))
Meta.__getattr__ = lambda cls, n: "meta"
print(WithMeta.missing, getattr(WithMeta(), "missing", "-"))
del Meta.__getattr__
print(getattr(WithMeta, "missing", "-"))
Meta.size = property(lambda cls: len(cls.__name__))
print(WithMeta.size, hasattr(WithMeta(), "size"))
try:
    WithMeta.size = 3
except AttributeError:
    print("AttributeError")
class Sub(WithMeta): pass
print(Sub.size, type(Sub).__name__)
print([c.__name__ for c in type.__subclasses__(Meta)], type.__subclasses__(WithMeta) == [Sub])
