# requires: FLOAT FLOAT_DOUBLE INT_BIG_MPZ BUILTIN_SET
# Equal numbers hash alike on every word size: an integral float and the int of its value
# (small, past a machine word, past 2**61), so either finds the other's dict entry.
vals = [0.0, -0.0, 1.0, -1.0, -2.0, 2.0 ** 30, -2.0 ** 30, 2.0 ** 31 + 2, 2.0 ** 40, 1e18, -1e18,
        1e20, 2.0 ** 61, 2.0 ** 61 - 2048, 2.0 ** 62, -2.0 ** 63, 1e300, 1.7976931348623157e308]
for v in vals:
    print(int(v), hash(v) == hash(int(v)), {int(v): "int"}[v], {v: "float"}[int(v)])
print(hash(0.5) == hash(0.5), hash(-0.0) == hash(0.0), hash(float("inf")) == -hash(float("-inf")))
print(len({1e20, 10 ** 20, 2 ** 61 - 1, float(2 ** 61 - 1), 2.0 ** 64, 2 ** 64}))
