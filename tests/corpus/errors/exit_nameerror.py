# requires: ERROR_MSG_DETAILED
print("start")
print(not_defined_anywhere)
