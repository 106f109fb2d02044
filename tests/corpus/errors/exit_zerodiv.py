# requires: ERROR_MSG_DETAILED
x = 0
print("computing")
print(10 // x)
