# requires: BUILTIN_HELPERS ERROR_MSG_DETAILED
for f in (lambda: 5 // 0, lambda: 5 % 0, lambda: divmod(5, 0), lambda: (-5) // 0, lambda: 0 % 0):
    try:
        f()
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
