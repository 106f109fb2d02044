# requires: STR_FORMAT
cases = [("%d", ("x",)), ("%s %s", ("one",)), ("%s", ("a", "b")), ("%z", (1,)), ("%(k)s", (1,)), ("%c", ("ab",))]
for fmt, args in cases:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__)
