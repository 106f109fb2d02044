# requires: GENERATORS
# An exception class whose __new__ returns something else: raising it (or throwing it
# into a generator) is a TypeError that `except Exception` catches.
class B(Exception):
    def __new__(cls, *args):
        return 5


def g():
    yield 1


try:
    raise B
except Exception as e:
    print("raise:", type(e).__name__)

gen = g()
next(gen)
try:
    gen.throw(B)
except Exception as e:
    print("throw:", type(e).__name__)

gen = g()
next(gen)
try:
    gen.throw(ValueError, 7)
except ValueError as e:
    print("throw(type, value):", e.args)

gen = g()
next(gen)
try:
    gen.throw(ValueError, (1, 2))
except ValueError as e:
    print("throw(type, tuple):", e.args)

gen = g()
next(gen)
try:
    gen.throw(ValueError("v"), 1)
except TypeError as e:
    print("instance with a value:", type(e).__name__)
