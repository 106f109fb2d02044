# requires: GENERATORS
# close() called on a generator from its own running frame is refused with ValueError
# ("generator already executing"), whether the frame has yielded before or not; the
# generator is not marked finished by the refused call, so its finally block still runs
# when it ends.
def closes_itself_first():
    try:
        try:
            me_first.close()
            print("close went through")
        except ValueError as e:
            print("first:", e)
        yield "a"
        yield "b"
    finally:
        print("first: finally")


me_first = closes_itself_first()
print(next(me_first))
print(next(me_first))
print(next(me_first, "done"))


def closes_itself_later():
    try:
        yield 1
        me_later.close()
        yield 2
    except ValueError as e:
        print("later:", e)
        yield 3
    finally:
        print("later: finally")


me_later = closes_itself_later()
print(list(me_later))


def closes_other(other):
    yield other.close()


inner = closes_itself_later()
print(next(inner))
print(next(closes_other(inner)), "-- the other one was suspended, so it closed")
print(next(inner, "inner exhausted"))
