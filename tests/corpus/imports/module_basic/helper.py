print("helper imported as", __name__)
VALUE = 7
def double(x):
    return x * 2
