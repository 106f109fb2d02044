VALUE = 7


def twice(x):
    return 2 * x
