# requires: ERROR_MSG_DETAILED
class Thing:
    pass
print("ok so far")
Thing().missing_attribute
