# requires: ERROR_MSG_DETAILED
def two(a, b):
    return a + b
print(two(1, 2))
print(two(1))
