try:
    try:
        1 // 0
    except ZeroDivisionError:
        raise ValueError("during handling")
except ValueError as v:
    print(type(v.__context__).__name__)
