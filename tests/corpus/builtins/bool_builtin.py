print(bool(), bool(0), bool(1), bool(""), bool(" "), bool([]), bool([0]), bool({}), bool(None))
print(bool(range(0)), bool(b""), bool(b"\x00"), bool(()), bool(((),)))
print(True.__class__.__name__, int(True) + int(False))
