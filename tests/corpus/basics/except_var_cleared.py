try:
    raise ValueError("x")
except ValueError as e:
    pass
try:
    e
except NameError:
    print("e is unbound after except")
