class Base:
    def area(self):
        raise NotImplementedError("subclass must implement")
try:
    Base().area()
except NotImplementedError as e:
    print(type(e).__name__, e)
print(NotImplemented is NotImplemented, repr(NotImplemented))
