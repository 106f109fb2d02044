try:
    raise KeyboardInterrupt
except Exception:
    print("wrong")
except BaseException as e:
    print("BaseException caught", type(e).__name__)
try:
    raise SystemExit(2)
except BaseException as e:
    print(type(e).__name__, e.args)
try:
    raise GeneratorExit
except BaseException as e:
    print(type(e).__name__)
