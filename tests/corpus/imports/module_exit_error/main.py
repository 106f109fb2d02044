# requires: ERROR_MSG_DETAILED
print("main starts")
import broken
print("never")
