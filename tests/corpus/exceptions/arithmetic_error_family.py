def attempt(f):
    try:
        return f()
    except ArithmeticError as e:
        return type(e).__name__
print(attempt(lambda: 10 // 0), attempt(lambda: 10 % 0), attempt(lambda: 7 // 2))
