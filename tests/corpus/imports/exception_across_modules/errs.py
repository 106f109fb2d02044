class CustomError(Exception):
    pass
def fail():
    raise CustomError("raised in module")
