print(issubclass(TimeoutError, OSError), issubclass(TimeoutError, Exception))
try:
    raise TimeoutError("took too long")
except OSError as e:
    print(type(e).__name__, e.args)
e = OSError(110, "timed out")
print(type(e).__name__, e.args)
