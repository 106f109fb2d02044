# requires: ERROR_MSG_DETAILED
# repr/str of super objects name the class and the type of the receiver, no addresses.
class Base:
    def who(self):
        return "base"


class Child(Base):
    def show(self):
        print(repr(super()))
        print(str(super()))
        print(super().who())

    @classmethod
    def cls_show(cls):
        print(super())


Child().show()
Child.cls_show()
print(super(Child, Child()))
print(super(Base, Child()))
print(super(Child, Child))
