# requires: MODULE_ARRAY FLOAT
# Repetition of an array works with the count on either side, and in place.
from array import array

a = array("h", [1, -2])
print(a * 3, 3 * a, 0 * a, a * -1, -5 * a, True * a, a * False)
b = array("B", [7])
b *= 4
print(b, 2 * b == b * 2, (2 * b) is b)
c = array("i")
print(5 * c, c * 5, len(1000 * array("b", [0, 1])))
for bad in ("2", 2.0, None):
    try:
        bad * a
    except TypeError:
        print("TypeError", type(bad).__name__)
