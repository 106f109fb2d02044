class A:
    def kind(self):
        return self.__class__.__name__
class B(A):
    pass
print(A().kind(), B().kind())
print(type(B()).__mro__[-1].__name__ if hasattr(B, "__mro__") else "object")
print(B.__bases__[0].__name__, A.__bases__[0].__name__)
