# mpy-cross: -O0
try:
    assert 1 == 2, "not equal"
except AssertionError as e:
    print("caught", e)
try:
    assert False
except AssertionError as e:
    print("caught", e.args)
assert True
print(__debug__)
