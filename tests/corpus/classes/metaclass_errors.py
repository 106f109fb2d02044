# requires: ERROR_MSG_DETAILED CLASS_ADVANCED
# The messages of the errors metaclasses raise, as CPython words them.
class Meta(type):
    def describe(cls):
        return cls.__name__


class A(metaclass=Meta):
    pass


class Other(type):
    pass


class F(metaclass=Other):
    pass


def attempt(f):
    try:
        f()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)


attempt(lambda: A().describe)
attempt(lambda: A.nope)
attempt(lambda: Meta("G", (A, F), {}))
attempt(lambda: Other("H", (A,), {}))
attempt(lambda: Meta("Bad", (type, int), {}))
attempt(lambda: Meta(1))
attempt(lambda: type.__new__(int, "x", (), {}))
attempt(lambda: object.__new__(Meta))
attempt(lambda: Meta("a", 1, {}))
attempt(lambda: A[0])
attempt(lambda: type.__init__)


try:
    class NoKw(x=1):
        pass
except TypeError as e:
    print("TypeError:", e)
attempt(lambda: object.__new__(type))
attempt(lambda: object.__new__(Other))


class BadPrepare(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return 5


def bad_prepare():
    class X(metaclass=BadPrepare):
        pass


attempt(bad_prepare)


def bad_class():
    A.__class__ = int


attempt(bad_class)
