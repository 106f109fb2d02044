# requires: ERROR_MSG_DETAILED
d = {"a": 1}
print(d["a"])
print(d["b"])
