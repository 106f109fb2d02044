def t(n):
    try:
        print("try", n)
        if n == 1:
            raise ValueError("one")
        if n == 2:
            return "ret"
    except ValueError as e:
        print("except", e)
    else:
        print("else")
    finally:
        print("finally")
    return "end"
for i in range(3):
    print(t(i))
