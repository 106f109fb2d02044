def f0(x): return x + 1
def f1(x): return f0(x) * 2
def f2(x): return f1(x) - 3
def f3(x): return f2(x) + f1(x)
def f4(x): return f3(f3(x))
print([f4(i) for i in range(5)])
