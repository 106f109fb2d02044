# requires: ERROR_MSG_DETAILED
print(1 + "2")
