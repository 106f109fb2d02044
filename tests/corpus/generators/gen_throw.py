# requires: GENERATORS
def g():
    while True:
        try:
            v = yield "ready"
            print("got", v)
        except ValueError as e:
            print("handled", e)
            yield "after error"
it = g()
print(next(it))
print(it.send(1))
print(it.throw(ValueError("bad")))
print(next(it))
try:
    it.throw(KeyError("unhandled"))
except KeyError as e:
    print("propagated", e)
print(next(it, "closed"))
def h():
    yield 1
j = h()
try:
    j.throw(TypeError("before start"))
except TypeError as e:
    print("TypeError", e)
