# requires: CLASS_ADVANCED
# A descriptor (an object whose class defines __get__) read from the class itself: its
# __get__ runs with None for the instance and the class as owner, as it does for an
# instance read; a plain object stored on the class is returned as it is.
class Tracer:
    def __init__(self, label):
        self.label = label

    def __get__(self, obj, owner):
        return (self.label, obj is None, owner.__name__)


class Guarded(Tracer):
    def __set__(self, obj, value):
        print("set", self.label, value)


class Plain:
    pass


class Holder:
    t = Tracer("t")
    g = Guarded("g")
    p = Plain()


class Child(Holder):
    pass


h = Holder()
print(Holder.t, h.t)
print(Holder.g, h.g)
print(Child.t, Child().g)
print(type(Holder.p).__name__, Holder.p is h.p)
print(getattr(Holder, "t"), getattr(Child, "g"))
h.g = 5
print(Holder.__dict__["t"].label, type(Holder.__dict__["g"]).__name__)


class Counting:
    reads = 0

    def __get__(self, obj, owner):
        Counting.reads += 1
        return self if obj is None else obj.value * 2


class Box:
    double = Counting()

    def __init__(self, value):
        self.value = value


print(type(Box.double).__name__, Box(21).double, Counting.reads)
