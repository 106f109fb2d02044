print(isinstance(1, int), isinstance(True, int), isinstance("", str), isinstance([], (tuple, list)))
print(isinstance(None, type(None)), isinstance(int, type), isinstance(type, type), isinstance(object(), object))
print(issubclass(int, object), issubclass(str, int), issubclass(KeyError, (ValueError, LookupError)))
try:
    issubclass(1, int)
except TypeError:
    print("TypeError")
