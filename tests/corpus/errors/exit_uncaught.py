print("before")
def fail():
    raise ValueError("uncaught problem")
fail()
print("never")
