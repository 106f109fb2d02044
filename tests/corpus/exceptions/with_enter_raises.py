# When __enter__ raises, __exit__ is not called (the with block never started).
class CM:
    def __init__(self, fail):
        self.fail = fail

    def __enter__(self):
        print("enter")
        if self.fail:
            raise ValueError("enter failed")
        return self

    def __exit__(self, *exc):
        print("exit", exc[0].__name__ if exc[0] else None)
        return False


try:
    with CM(True):
        print("body")
except ValueError as e:
    print("caught", e)
with CM(False):
    print("body")
try:
    with CM(False), CM(True):
        print("body")
except ValueError as e:
    print("caught", e)
