class CM:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        print("exit sees", a[0].__name__)
        return False
with CM():
    raise OverflowError("inside with")
