# requires: GENERATORS EXC_CHAINING
# A StopIteration that leaves a generator becomes a RuntimeError caused by it (PEP 479), as
# in CPython: __cause__ and __context__ are the StopIteration and the context is
# suppressed; the same through `yield from` and for a StopIteration raised by next() in
# the generator's body.


def raises_stop():
    yield 1
    raise StopIteration("explicit")


def next_on_empty():
    yield next(iter([]))


def delegating():
    yield from raises_stop()


for make in (raises_stop, next_on_empty, delegating):
    try:
        list(make())
    except RuntimeError as e:
        print(make.__name__, e, repr(e.__cause__), e.__context__ is e.__cause__, e.__suppress_context__)
