class E(ValueError):
    level = "warn"
try:
    raise E("m")
except ValueError as e:
    print(e.level, isinstance(e, E), type(e).__mro__[1].__name__)
err = E("stored")
print(repr(err), err.args[0])
