def f():
    try:
        raise IndexError("from try")
    finally:
        print("finally still runs")
f()
