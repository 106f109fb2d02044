def three():
    return 3
def four():
    return 4
