# requires: FLOAT FLOAT_DOUBLE
inf = float("inf")
nan = float("nan")
print(inf, -inf, inf > 1e308, -inf < -1e308, inf == inf, inf + 1, inf - inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, str(nan))
print(inf * 0, 1 / inf, -1 / inf)
try:
    int(inf)
except OverflowError as e:
    print("OverflowError")
# mpy-cross folds 10.0 ** 400 (a constant expression) away, so compute it at run time
base, exponent = 10.0, 400
try:
    base ** exponent
except OverflowError:
    print("OverflowError float pow")
try:
    int(nan)
except ValueError as e:
    print("ValueError")
