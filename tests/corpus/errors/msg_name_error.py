# requires: ERROR_MSG_DETAILED
def show(f):
    try:
        f()
    except NameError as e:
        print(type(e).__name__, e)
show(lambda: some_name)
def uses_local():
    x = x_undefined + 1
show(uses_local)
