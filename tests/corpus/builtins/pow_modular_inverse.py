# requires: BUILTIN_HELPERS
# Three-argument pow() with a negative exponent: the modular inverse of the base,
# raised to the positive exponent; the result takes the modulus's sign.
for base, exp, mod in ((2, -1, 5), (3, -1, 7), (3, -2, 7), (10, -1, 17), (-3, -1, 11), (4, -3, 9),
                       (2, -1, -5), (7, -1, 1), (123456789, -1, 1000000007), (True, -1, 3)):
    inv = pow(base, exp, mod)
    print(base, exp, mod, inv, (inv * pow(base, -exp, mod)) % mod == 1 % abs(mod))
for base, mod in ((2, 4), (0, 5), (6, 9), (3, 0)):
    try:
        print(pow(base, -1, mod))
    except ValueError:
        print("ValueError", base, mod)
