def inner(a, b=0, **rest):
    return a, b, sorted(rest.items())
def outer(*args, **kwargs):
    kwargs["added"] = True
    return inner(*args, **kwargs)
print(outer(1), outer(1, 2, c=3), outer(a=5, z=0))
def wrap(f):
    def w(*a, **k):
        return ("wrapped", f(*a, **k))
    return w
print(wrap(inner)(9, b=8, q=7))
