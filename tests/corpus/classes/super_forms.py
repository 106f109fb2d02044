class Base:
    def __init__(self, v):
        self.v = v
    def get(self):
        return "base:" + str(self.v)
    @classmethod
    def make(cls, v):
        return cls(v)
class Child(Base):
    def __init__(self, v):
        super().__init__(v * 2)
    def get(self):
        return "child/" + super().get()
class Grand(Child):
    def __init__(self, v):
        super(Child, self).__init__(v)
    def get(self):
        return "grand/" + super(Grand, self).get()
    @classmethod
    def make(cls, v):
        return super().make(v + 1)
print(Child(5).get(), Grand(5).get(), Grand.make(1).get(), type(Grand.make(1)).__name__)
