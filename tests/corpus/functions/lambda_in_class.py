class C:
    double = lambda self, x: x * 2
    const = staticmethod(lambda: "static lambda")
c = C()
print(c.double(4), C.const(), C.double(c, 5))
ops = [("add", lambda a, b: a + b), ("mul", lambda a, b: a * b)]
for name, f in ops:
    print(name, f(6, 7))
