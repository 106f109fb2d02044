from factory import make_counter, shared
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c2(), shared())
import factory
print(factory.instances)
