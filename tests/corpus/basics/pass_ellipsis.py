def f():
    ...
class C:
    pass
if True:
    pass
print(f(), C.__name__, ...)
print(Ellipsis is ..., type(...).__name__)
