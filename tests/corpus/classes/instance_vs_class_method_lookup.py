class A:
    def greet(self):
        return "A.greet"
a = A()
print(a.greet())
A.greet = lambda self: "patched class"
print(a.greet())
a.greet = lambda: "instance attr"
print(a.greet(), A.greet(a))
del a.greet
print(a.greet())
