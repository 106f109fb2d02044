try:
    try:
        raise KeyError("one")
    except KeyError as k:
        try:
            raise ValueError("two")
        except ValueError as v:
            print("inner handler", v, k)
            raise TypeError("three")
except TypeError as t:
    print("outer got", t)
