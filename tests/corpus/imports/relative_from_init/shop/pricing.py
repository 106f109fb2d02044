RATE = 20
def total(items):
    return sum(items) + tax(sum(items))
def tax(v):
    return v * RATE // 100
