# requires: GENERATORS STR_FORMAT
# An exception that leaves a generator's frame (through a chain of yield from, or
# from the generator itself) ends that generator, whatever handled it outside; the
# generators around it see it at their yield from and may handle it.
def leaf(fail_at):
    for i in range(5):
        if i == fail_at:
            raise ValueError("leaf failed at %d" % i)
        yield i


def middle(fail_at, catch):
    try:
        result = yield from leaf(fail_at)
    except ValueError as e:
        if not catch:
            raise
        yield "middle caught: " + str(e)
        return "recovered"
    return result


def outer(fail_at, catch):
    r = yield from middle(fail_at, catch)
    yield "outer got %r" % (r,)


for fail_at, catch in ((2, True), (2, False), (9, False)):
    g = outer(fail_at, catch)
    try:
        print(list(g))
    except ValueError as e:
        print("escaped:", e)
    print("finished:", next(g, "done"))

# StopIteration raised inside a generator becomes RuntimeError, and ends it
def stopper():
    yield 1
    raise StopIteration("inner")


s = stopper()
print(next(s))
try:
    next(s)
except RuntimeError as e:
    print("RuntimeError:", e)
print(next(s, "ended"))

# a handler inside the generator keeps it alive; one outside does not
def resilient():
    while True:
        try:
            x = yield
            print("got", 10 // x)
        except ZeroDivisionError:
            print("handled inside")


r = resilient()
next(r)
r.send(5)
r.send(0)
r.send(2)
r.close()

# an exception thrown in through two levels, handled at the leaf, and one that is not
def catching_leaf():
    try:
        yield "a"
    except KeyError:
        yield "leaf handled KeyError"
    yield "after"


def via():
    yield from catching_leaf()


v = via()
print(next(v), v.throw(KeyError), next(v))
v2 = via()
next(v2)
try:
    v2.throw(IndexError("boom"))
except IndexError as e:
    print("IndexError out:", e)
print(next(v2, "v2 ended"))

# a generator resumed while running, from inside itself
def reenter():
    yield me.send(None)


me = reenter()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)
print(next(me, "reenter ended"))

# recursion through generators ends in RecursionError; every generator is then done
def deep(n):
    yield from deep(n + 1)


d = deep(0)
try:
    next(d)
except RecursionError:
    print("RecursionError")
print(next(d, "deep ended"))

# exceptions in finally blocks and values returned through many levels still work
def counted(n):
    if n == 0:
        yield "bottom"
        return 0
    v = yield from counted(n - 1)
    return v + 1


c = counted(50)
print(next(c))
try:
    next(c)
except StopIteration as e:
    print("returned", e.value)
