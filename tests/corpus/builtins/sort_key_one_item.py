# The key function is called for a one-item list too, as in CPython (sorted() and
# list.sort()): its side effects happen and what it raises comes out; none for no items.
calls = []


def key(x):
    calls.append(x)
    return x


print(sorted([5], key=key), calls)
one = ["a"]
one.sort(key=key)
print(one, calls)
print(sorted([], key=key), calls)


def bad(x):
    raise ValueError("from key")


try:
    sorted([1], key=bad)
except ValueError as e:
    print("raised", e)
try:
    [1].sort(key=bad, reverse=True)
except ValueError as e:
    print("raised", e)
