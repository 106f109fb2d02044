# requires: FLOAT FLOAT_DOUBLE INT_BIG_MPZ BUILTIN_SET WORD_64
# hash(float) is CPython's numeric hash (modulo 2**61 - 1 on a 64-bit host): every value,
# not only the integral ones, and an integral float hashes as the int of the same value.
vals = [0.0, -0.0, 0.5, -0.5, 1.5, 0.1, -0.1, 3.141592653589793, 1e-300, 5e-324, 2.5e-310,
        1e20, -1e20, 2.0 ** 61, 2.0 ** 62, 2.0 ** 63 - 1024, 1.7976931348623157e308,
        -1.7976931348623157e308, 123456.789, 1 / 3, 2.0 ** -60, 2.0 ** -61, 2.0 ** -62,
        float("inf"), float("-inf"), -1.0, -2.0, 1e16 + 2]
for v in vals:
    print(repr(v), hash(v))
for v in vals:
    if v - v == 0 and v == int(v):
        print(int(v), hash(int(v)) == hash(v))
# the same key in a dict whichever of the equal numbers stored it
d = {2.0 ** 70: "f", 10.0 ** 20: "g"}
print(d[2 ** 70], d[10 ** 20], {1e25: 1}.get(10 ** 25), {0.5: 1}.get(0.5))
print(len({1e20, 10 ** 20, 2 ** 61 - 1, float(2 ** 61 - 1)}))
