errors = [ValueError("v"), KeyError("k"), TypeError("t")]
for e in errors:
    try:
        raise e
    except (ValueError, KeyError) as caught:
        print("handled", type(caught).__name__, caught is e)
    except TypeError as caught:
        print("typeerror", caught.args)
cls = ValueError
try:
    raise cls("dynamic")
except cls as e:
    print("dynamic class", e)
