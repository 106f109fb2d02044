class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        return et is not None and issubclass(et, self.types)
with Suppress(KeyError, IndexError):
    [][0]
print("IndexError suppressed")
with Suppress(KeyError):
    {}["x"]
print("KeyError suppressed")
try:
    with Suppress(KeyError):
        1 // 0
except ZeroDivisionError:
    print("ZeroDivisionError passed through")
