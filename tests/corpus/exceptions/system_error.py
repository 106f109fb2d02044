# requires: BUILTIN_HELPERS
# SystemError is an Exception, not a RuntimeError.
print(issubclass(SystemError, Exception), issubclass(SystemError, RuntimeError))
try:
    raise SystemError("internal", 1)
except Exception as e:
    print(type(e).__name__, e.args)
try:
    raise SystemError
except SystemError as e:
    print(repr(e))
print(SystemError.__name__, SystemError.__bases__)
