LEVEL = 1
print("outer init")
