print("lazy loaded")
def compute(n):
    return n * n + 1
