for i in range(5):
    print("even" if i % 2 == 0 else "odd", "big" if i > 3 else "mid" if i > 1 else "small")
x = [1, 2] if False else (3, 4)
print(x)
f = (lambda a: a + 1) if x else None
print(f(4))
