# requires: STR_FORMAT
tests = [lambda: "{}".format(), lambda: "{0} {2}".format(1, 2), lambda: "{x}".format(y=1),
         lambda: "{:d}".format("s"), lambda: "{".format(1), lambda: "}".format(1)]
for t in tests:
    try:
        print(t())
    except (IndexError, KeyError, ValueError) as e:
        print(type(e).__name__)
