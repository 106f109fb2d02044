def has_factor(n):
    for d in range(2, n):
        if n % d == 0:
            print(n, "=", d, "*", n // d)
            break
    else:
        print(n, "is prime")
for n in (7, 12, 13, 25):
    has_factor(n)
