# requires: ERROR_MSG_DETAILED
tests = [lambda: [1, 2][2], lambda: [][0], lambda: (1,)[-2], lambda: "ab"[5], lambda: {"a": 1}["b"],
         lambda: {1: 2}[3], lambda: {(1, 2): 0}[(3,)], lambda: [1][-5], lambda: range(3)[3]]
for t in tests:
    try:
        t()
    except (IndexError, KeyError) as e:
        print(type(e).__name__, e)
