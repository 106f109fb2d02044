WHERE = "deep in " + __name__
print("deep loaded")
