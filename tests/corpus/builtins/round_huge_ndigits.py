# requires: FLOAT FLOAT_DOUBLE INT_BIG_MPZ BUILTIN_HELPERS
# round() with ndigits beyond a machine word: past every digit, so an int is itself and a
# float itself or a signed zero, as CPython (which clamps a float's ndigits); a __round__
# method gets ndigits as given. (An int to a huge negative ndigits is left out: CPython
# computes 10**-ndigits and never ends.)


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


for x in [0, 7, -15, 2**80 + 5, True, 1.5, -2.5, 1e300, -1e-300, 0.0, -0.0, float('inf'), float('nan')]:
    for nd in [2**70, -2**70, 2**64, -2**63 - 1, 10**30]:
        if not (isinstance(x, int) and nd < 0):
            t(lambda: round(x, nd))


class R:
    def __round__(self, n=None):
        return ('R', n)


t(lambda: round(R(), 2**70))
t(lambda: round(R(), -2**70))
t(lambda: round(1.5, 1.0))
t(lambda: round(3, 'x'))
t(lambda: round(3.5, 'x'))
