# requires: FLOAT ERROR_MSG_DETAILED
# Unpacking a value that is not iterable: CPython's message names its type.
for v in (1, None, 2.5, len):
    try:
        a, b = v
    except TypeError as e:
        print(e)
    try:
        [c] = v
    except TypeError as e:
        print(e)
    try:
        d, *e = v
    except TypeError as e:
        print(e)
try:
    for x, y in [1]:
        pass
except TypeError as e:
    print(e)
a, b = "ab"
c, d = {1: 2, 3: 4}
print(a, b, c, d)
