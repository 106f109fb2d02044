# requires: ERROR_MSG_DETAILED
print("importing")
import module_that_does_not_exist_anywhere
