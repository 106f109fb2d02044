class MyError(Exception):
    pass
print("raising custom")
raise MyError("with message")
