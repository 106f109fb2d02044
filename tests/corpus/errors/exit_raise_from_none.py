try:
    {}["x"]
except KeyError:
    raise LookupError("translated") from None
