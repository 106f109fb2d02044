# requires: BUILTIN_COMPLEX FLOAT FLOAT_DOUBLE
# == and != between complex, int, float and bool; hash() agrees with == ; dict keys.
z = 1 + 2j
print(z == 1 + 2j, z != 1 + 2j, z == 1 - 2j, z == 1, z != 1, 1 == z, 1.0 != z)
print(complex(3, 0) == 3, 3 == complex(3, 0), 3.5 == complex(3.5), complex(3.5) == 3.5)
print(complex(1, 0) == True, True == complex(1), complex(0) == False, 0j == 0, 0j == -0.0)
print(complex(3, 1e-300) == 3, float("nan") * 1j == float("nan") * 1j, z == "1+2j", z == None)
print(hash(complex(3, 0)) == hash(3), hash(complex(3.5)) == hash(3.5), hash(0j) == hash(0))
print(hash(complex(-1, 0)) == hash(-1), hash(complex(True)) == hash(1), hash(-0j) == hash(0.0))
print(hash(1j), hash(-1j), hash(2 + 3j), hash(-2 - 3j), hash(1 + 2j) == hash(z))
d = {3: "three", 1.5: "one and a half", 2j: "two j"}
print(d[complex(3, 0)], d[complex(1.5)], d[2j], d[complex(0, 2)], complex(2 ** 20) in d)
d[3 + 0j] = "replaced"
print(len(d), d[3])
print([1j, 2j].index(2j), (1 + 1j) in [1 + 1j], 2j in (1, 2), [2 + 0j].count(2))
print(bool(0j), bool(-0j), bool(1e-300j), bool(complex(0, 1)), not 1j)
