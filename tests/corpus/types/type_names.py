for v in (1, "s", b"b", [], (), {}, None, True, range(1), slice(1), type, Ellipsis):
    print(type(v).__name__)
def f(): pass
class C: pass
print(type(f).__name__, type(C()).__name__, type(C).__name__, C.__name__)
print(type(1) is int, type("") is str, type([]) == list)
