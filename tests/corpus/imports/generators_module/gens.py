def countdown(n):
    while n > 0:
        yield n
        n -= 1
class Pipeline:
    def __init__(self, data):
        self.data = data
    def mapped(self, f):
        for v in self.data:
            yield f(v)
