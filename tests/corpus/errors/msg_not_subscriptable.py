# requires: ERROR_MSG_DETAILED
for v in (1, None, 2):
    try:
        v[0]
    except TypeError as e:
        print(e)
for v in (1, None):
    try:
        v()
    except TypeError as e:
        print(e)
for v in (1, None):
    try:
        for _ in v:
            pass
    except TypeError as e:
        print(e)
