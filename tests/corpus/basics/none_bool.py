print(None, type(None).__name__, None == None, None is None)
print(True, False, True == 1, False == 0, True is True)
print(type(True).__name__, isinstance(True, int))
def noret():
    pass
print(noret())
print(str(None), repr(None), bool(None))
