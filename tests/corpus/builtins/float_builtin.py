# requires: FLOAT FLOAT_DOUBLE BUILTIN_HELPERS
print(float(), float(1), float("1.5"), float(" -3 "), float(True), float("1e3"))
class F:
    def __float__(self):
        return 2.5
print(float(F()), round(2.567, 2), round(-1.5), abs(-2.25), max(1.5, 1), divmod(5.5, 2))
print(pow(2.0, 0.5) > 1.41, round(pow(2, 0.5), 8), 5 / 2, sum([0.5, 0.25]))
