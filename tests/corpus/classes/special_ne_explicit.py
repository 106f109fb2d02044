class A:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print("eq called")
        return self.v == o.v
    def __ne__(self, o):
        print("ne called")
        return "custom ne"
a, b = A(1), A(2)
print(a == b)
print(a != b)
print(A(1) != A(1))
