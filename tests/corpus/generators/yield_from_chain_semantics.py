# requires: GENERATORS MODULE_GC STR_FORMAT
# yield from chains: values, send(), return values, throw() and close() through every
# level, exceptions leaving an inner generator (its finally blocks run first), a
# StopIteration raised inside one, re-entrancy, and chains dropped mid-iteration.
import gc

log = []


def leaf(name, n):
    try:
        total = 0
        for i in range(n):
            got = yield (name, i)
            if got is not None:
                total += got
        return total
    finally:
        log.append("leaf finally " + name)


def middle(n):
    a = yield from leaf("a", n)
    b = yield from leaf("b", n)
    return a + b


def top(n):
    r = yield from middle(n)
    log.append(("top got", r))
    return r * 10


g = top(2)
out = [next(g)]
try:
    while True:
        out.append(g.send(5))
except StopIteration as stop:
    print(out, stop.value, log)
log.clear()

# a for loop over the chain, and list()
print(list(top(3)), log)
log.clear()


# throw() at each depth: caught in the leaf, in the middle, or not at all
def catching_leaf():
    while True:
        try:
            yield "leaf"
        except KeyError as e:
            yield "leaf caught " + str(e)


def catching_middle():
    try:
        yield from catching_leaf()
    except ValueError as e:
        yield "middle caught " + str(e)
    return "middle done"


def outer():
    r = yield from catching_middle()
    yield "outer got " + r


g = outer()
print(next(g), g.throw(KeyError("k")), next(g), g.throw(ValueError("v")))
print(next(g))
try:
    g.throw(IndexError("i"))
except IndexError as e:
    print("IndexError escaped", e)
print(next(g, "exhausted"))


# close() while delegating: every level's finally runs, innermost first
def closing(level, depth):
    try:
        if depth == 0:
            yield level
        else:
            yield from closing(level + 1, depth - 1)
    finally:
        log.append("finally %d" % level)


g = closing(0, 3)
print(next(g))
g.close()
print(log)
log.clear()


# an exception raised in an inner generator's finally replaces the one in flight
def inner_finally_raises():
    try:
        yield 1
        raise KeyError("first")
    finally:
        raise ValueError("from finally")


def wrap():
    try:
        yield from inner_finally_raises()
    except ValueError as e:
        print("wrap caught", repr(e), type(e.__context__).__name__)
        yield "recovered"


print(list(wrap()))


# StopIteration raised inside a delegated generator becomes RuntimeError
def raises_stop():
    yield 1
    raise StopIteration("inner")


def delegates():
    try:
        yield from raises_stop()
    except RuntimeError as e:
        yield "RuntimeError: " + str(e)


print(list(delegates()))


# an exception escaping the inner generator finishes it; the outer can go on
def fails():
    yield "before"
    raise KeyError("boom")


def survives():
    inner = fails()
    try:
        yield from inner
    except KeyError:
        yield "caught KeyError"
    yield next(inner, "inner is finished")


print(list(survives()))


# re-entering a generator that is running through yield from
def reenter():
    yield from leaf("r", 1)
    yield next(gen_ref[0])


gen_ref = []
gen = reenter()
gen_ref.append(gen)
print(next(gen))
try:
    next(gen)
except ValueError as e:
    print("ValueError", e)
log.clear()


# delegating to a generator that is already running or already finished
def done_gen():
    return "done value"
    yield


finished = done_gen()
print(next(finished, "empty"))


def delegate_to(it):
    r = yield from it
    yield ("returned", r)


print(list(delegate_to(finished)))
print(list(delegate_to(leaf("x", 2))))
log.clear()


# send() of a non-None value into a chain whose leaf has not started
def sender():
    r = yield from leaf("s", 2)
    return r


g = sender()
try:
    g.send(1)
except TypeError as e:
    print("TypeError", e)


# chains dropped mid-iteration (no finally run until collected; nothing breaks)
for i in range(50):
    g = top(3)
    next(g)
    g.send(1)
del g
gc.collect()
print("dropped chains collected")


# a deep chain works; the depth limit is a RecursionError, not a crash
def chain(depth):
    if depth == 0:
        yield "bottom"
        return "ret"
    r = yield from chain(depth - 1)
    return r


print(list(chain(200)))
g = chain(300)
print(next(g), next(g, "end"))


# the value a generator sees from yield equals what the delegating send passed
def echo():
    received = []
    while True:
        v = yield len(received)
        if v is None:
            return received
        received.append(v)


def echo_wrap():
    got = yield from echo()
    yield got


g = echo_wrap()
next(g)
for word in ("a", "b", "c"):
    g.send(word)
print(next(g))
