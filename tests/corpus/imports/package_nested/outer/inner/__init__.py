LEVEL = 2
print("inner init")
