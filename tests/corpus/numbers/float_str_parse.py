# requires: FLOAT FLOAT_DOUBLE
for s in ["0", "1.", ".5", "-1.5e3", "1E-2", "  2.25  ", "+7", "1_000.5", "inf", "-Infinity", "nan"]:
    print(repr(s), float(s))
for bad in ["", "1.2.3", "e5", "abc", "1e"]:
    try:
        float(bad)
    except ValueError as e:
        print("ValueError")
