# requires: ERROR_MSG_DETAILED
tests = [lambda: int("abc"), lambda: int("1.0"), lambda: [].index(1), lambda: "abc".index("z"),
         lambda: (1, 2).index(3), lambda: int("", 16)]
for t in tests:
    try:
        t()
    except ValueError as e:
        print(type(e).__name__, e)
