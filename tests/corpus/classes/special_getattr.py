class Dyn:
    real = "real attr"
    def __getattr__(self, name):
        if name.startswith("x"):
            return "dynamic " + name
        raise AttributeError(name)
d = Dyn()
print(d.real, d.xyz, d.x1, getattr(d, "xa"), hasattr(d, "nope"), getattr(d, "nope", "dflt"))
try:
    d.other
except AttributeError as e:
    print("AttributeError", e)
