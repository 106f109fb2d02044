import a
B_NAME = "b"
def from_b():
    return "b sees a: " + a.from_a.__name__
