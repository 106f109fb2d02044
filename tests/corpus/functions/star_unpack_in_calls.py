def f(*a, **k):
    return len(a), sorted(k)
print(f(*[1, 2], *(3,), *"ab"))
print(f(**{"a": 1}, **{"b": 2}))
print(f(*range(3), x=1, **{"y": 2}))
try:
    f(**{"a": 1}, a=2)
except TypeError:
    print("TypeError duplicate")
