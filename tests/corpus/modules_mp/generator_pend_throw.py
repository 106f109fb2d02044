# requires: GENERATORS MODULE_MICROPYTHON
# gen.pend_throw(v) (MicroPython's): v is raised in the generator at its next resume (through
# yield from too); None cancels; returns what was pending; a running generator refuses it.
def gen():
    i = 0
    while 1:
        try:
            yield i
        except ValueError as e:
            print("caught", repr(e))
        i += 1

g = gen()
print(g.pend_throw(ValueError("early")))  # unstarted

try:
    next(g)
except ValueError as e:
    print("raised at start", repr(e))
g = gen()
print(next(g))
print(g.pend_throw(ValueError("a")))
print(g.pend_throw(ValueError("b")))
print(next(g))
print(g.pend_throw(ValueError("c")))
print(g.pend_throw(None))
print(next(g))
print(g.send(None))
g.pend_throw(5)
try:
    next(g)
except TypeError as e:
    print("TypeError")
def outer():
    r = yield from gen()
g = outer()
print(next(g))
g.pend_throw(ValueError("outer"))
print(next(g))
g = outer()
print(next(g))
def outer2(inner):
    yield from inner
ig = gen()
g = outer2(ig)
print(next(g))
ig.pend_throw(ValueError("inner"))
print(next(g))
def selfpend():
    me.pend_throw(ValueError())
    yield 1
me = selfpend()
try:
    next(me)
except ValueError as e:
    print("ValueError", e)
