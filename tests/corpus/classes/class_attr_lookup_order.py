class Base:
    x = "base"
    def who(self):
        return "Base.who"
class Mid(Base):
    x = "mid"
class Leaf(Mid):
    pass
l = Leaf()
print(l.x, l.who(), Leaf.x)
Mid.x = "changed mid"
print(l.x)
del Mid.x
print(l.x)
l.x = "own"
print(l.x, Leaf.x)
