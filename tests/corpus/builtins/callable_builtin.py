# requires: BUILTIN_HELPERS
class A:
    def __call__(self):
        return 1
class B:
    pass
print(callable(len), callable(A), callable(A()), callable(B()), callable(lambda: 0))
print(callable(1), callable("s"), callable(print), callable(str.upper), callable(None))
