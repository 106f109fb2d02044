# requires: ERROR_MSG_DETAILED
class A:
    x = 1
a = A()
try:
    a.missing
except AttributeError as e:
    print(type(e).__name__, e)
try:
    A.missing
except AttributeError as e:
    print(type(e).__name__)
try:
    (1).foo
except AttributeError as e:
    print(e)
try:
    del a.x
except AttributeError:
    print("cannot delete class attr via instance")
try:
    "s".upper = 1
except AttributeError:
    print("AttributeError builtin attr set")
