def classify(exc):
    try:
        raise exc
    except KeyError:
        return "KeyError"
    except LookupError:
        return "LookupError"
    except ArithmeticError:
        return "Arith"
    except Exception:
        return "Exception"
for exc in (KeyError(), IndexError(), ZeroDivisionError(), OverflowError(), ValueError()):
    print(type(exc).__name__, classify(exc))
