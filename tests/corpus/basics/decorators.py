def deco(f):
    def wrapper(*a, **k):
        print("before", f.__name__)
        r = f(*a, **k)
        print("after")
        return r
    return wrapper
def tag(t):
    def d(f):
        def w(*a):
            return "<" + t + ">" + f(*a) + "</" + t + ">"
        return w
    return d
@deco
def hello(n):
    return n * 2
print(hello(21))
@tag("b")
@tag("i")
def text(s):
    return s
print(text("hi"))
registry = []
def register(f):
    registry.append(f.__name__)
    return f
@register
def a(): pass
@register
def b(): pass
print(registry)
