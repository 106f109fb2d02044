# mpy-cross: -O1
assert 1 == 2, "stripped"
print("asserts are removed", __debug__)
if __debug__:
    print("debug")
else:
    print("no debug")
