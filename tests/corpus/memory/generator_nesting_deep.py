# requires: GENERATORS
# A yield-from chain as deep as CPython allows works; a runaway one ends in
# RecursionError (a RuntimeError) quickly, and the interpreter goes on.
def chain(n):
    if n == 0:
        yield "leaf"
    else:
        yield from chain(n - 1)
print(list(chain(200)))
def forever(n):
    yield n
    yield from forever(n + 1)
for attempt in range(3):
    try:
        for v in forever(0):
            pass
    except RuntimeError:
        print("RecursionError caught", attempt)
print("alive")
