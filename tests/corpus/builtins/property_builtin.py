# requires: BUILTIN_PROPERTY
class C:
    def __init__(self):
        self._v = 1
    def getv(self):
        return self._v
    def setv(self, v):
        self._v = v * 10
    v = property(getv, setv)
c = C()
c.v = 3
print(c.v, type(C.v).__name__)
print(isinstance(C.v, property))
