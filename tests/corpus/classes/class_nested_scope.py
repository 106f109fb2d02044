class Outer:
    val = 1
    class Inner:
        val = 2
        def get(self):
            return self.val
    def make(self):
        return self.Inner()
print(Outer().make().get(), Outer.Inner.val, Outer.Inner.__name__)
def factory(n):
    class Made:
        size = n
        def show(self):
            return "Made(" + str(self.size) + ")"
    return Made
print(factory(3)().show(), factory(4).size)
