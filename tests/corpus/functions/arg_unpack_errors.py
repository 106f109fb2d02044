def f(a, b):
    return a, b
try:
    f(*[1, 2, 3])
except TypeError:
    print("TypeError too many")
try:
    f(**{"a": 1, "c": 2})
except TypeError:
    print("TypeError unexpected kw")
try:
    f(1, **{"a": 2})
except TypeError:
    print("TypeError multiple values")
try:
    f(*5)
except TypeError:
    print("TypeError not iterable")
try:
    f(**[1])
except TypeError:
    print("TypeError not mapping")
