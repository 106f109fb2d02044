# mpy-cross: -O0
print("asserting")
assert 1 + 1 == 3, "math is broken"
