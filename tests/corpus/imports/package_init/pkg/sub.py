print("pkg.sub runs as", __name__)
NAME = "sub"
def helper():
    return "helper in " + __name__
