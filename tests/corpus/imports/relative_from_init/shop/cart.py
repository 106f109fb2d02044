from .pricing import total
class Cart:
    def __init__(self):
        self.items = []
    def add(self, v):
        self.items.append(v)
        return self
    def total(self):
        return total(self.items)
