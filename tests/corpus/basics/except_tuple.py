for exc in (ValueError, TypeError, KeyError, IndexError):
    try:
        raise exc("x")
    except (ValueError, TypeError) as e:
        print("group1", type(e).__name__)
    except LookupError as e:
        print("lookup", type(e).__name__)
try:
    [][1]
except Exception:
    print("bare Exception")
try:
    {}["a"]
except:
    print("bare except")
