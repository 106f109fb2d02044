# requires: FLOAT FLOAT_DOUBLE ERROR_MSG_DETAILED
def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
show(lambda: 1 / 0)
show(lambda: 1.0 / 0)
show(lambda: 2.5 // 0)
show(lambda: float("x"))
show(lambda: int(float("inf")))
show(lambda: "a" * 1.5)
