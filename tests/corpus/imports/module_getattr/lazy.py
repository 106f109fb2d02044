present = 1


def __getattr__(name):
    if name == "bad":
        raise AttributeError("module 'lazy' has no attribute 'bad'")
    return "made " + name
