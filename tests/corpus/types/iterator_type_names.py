# requires: ITER_TYPE_NAMES
# Iterators are named by what they iterate, are their own iterators, and behave alike.
d = {"a": 1, "b": 2}
for x in ([1, 2], (1, 2), b"ab", d, d.keys(), d.values(), d.items(), range(2)):
    it = iter(x)
    print(type(it).__name__, list(it), type(iter(it)).__name__, iter(it) is it)
print(type(iter([])) is type(iter([5])), type(iter([])) is type(iter(())))
print(type(iter(d.values())) is type(iter(d.items())), type(iter(d)) is type(iter(d.keys())))
print(type(iter(b"")) is type(iter([])), next(iter(b"z")), next(iter((7,))))
