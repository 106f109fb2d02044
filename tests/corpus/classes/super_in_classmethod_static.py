class A:
    @classmethod
    def create(cls):
        return "A.create for " + cls.__name__
    @staticmethod
    def util():
        return "A.util"
class B(A):
    @classmethod
    def create(cls):
        return "B>" + super().create()
    @staticmethod
    def util():
        return "B>" + A.util()
print(B.create(), B.util(), A.create())
