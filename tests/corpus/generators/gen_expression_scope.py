# requires: GENERATORS
x = 10
g = (x * i for i in range(3))
x = 100
print(list(g))
data = [1, 2, 3]
g2 = (v for v in data)
data = [9]
print(list(g2))
def f():
    n = 3
    return (n * i for i in range(n))
print(list(f()))
