for op in ("//", "%", "%="):
    try:
        if op == "//":
            1 // 0
        elif op == "%":
            1 % 0
        else:
            x = 5
            x %= 0
    except ZeroDivisionError as e:
        print(op, type(e).__name__)
