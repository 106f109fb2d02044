class Base:
    def __init__(self, name):
        self.name = name
    def describe(self):
        return "base " + self.name
class Derived(Base):
    def describe(self):
        return "derived " + super().describe()
def make(name):
    return Derived(name)
