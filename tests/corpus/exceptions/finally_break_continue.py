def f():
    out = []
    for i in range(4):
        try:
            if i == 2:
                raise ValueError
            out.append(i)
        except ValueError:
            out.append("err")
            break
        finally:
            out.append("fin")
    return out
print(f())
def g():
    n = 0
    while n < 3:
        n += 1
        try:
            continue
        finally:
            print("finally on continue", n)
    return n
print(g())
