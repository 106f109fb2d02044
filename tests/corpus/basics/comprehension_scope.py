x = 10
vals = [x for x in range(3)]
print(vals, x)
y = 5
print([y * i for i in range(3)])
def f():
    z = 2
    return [z * i for i in range(3)], {i: z for i in range(2)}
print(f())
class C:
    n = 3
    items = [i for i in range(3)]
print(C.items)
