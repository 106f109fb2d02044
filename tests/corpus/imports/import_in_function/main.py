def use():
    import lazy
    return lazy.compute(5)
print("before")
print(use())
print(use())
def from_in_func():
    from lazy import compute
    return compute(1)
print(from_in_func())
