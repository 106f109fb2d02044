import b
def from_a():
    return "a sees b: " + b.B_NAME
