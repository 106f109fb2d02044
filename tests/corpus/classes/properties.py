# requires: BUILTIN_PROPERTY
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None
    @property
    def kelvin(self):
        return self._c + 273
t = Temp()
t.celsius = 25
print(t.celsius, t.kelvin)
try:
    t.celsius = -300
except ValueError as e:
    print(e)
try:
    t.kelvin = 5
except AttributeError:
    print("AttributeError read-only")
del t.celsius
print(t.celsius)
class P:
    def _get(self):
        return "via property()"
    x = property(_get)
print(P().x)
