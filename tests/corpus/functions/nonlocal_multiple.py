def outer():
    a = 1
    b = 2
    def swap():
        nonlocal a, b
        a, b = b, a
    def bump():
        nonlocal a
        a += 10
    swap()
    bump()
    return a, b
print(outer())
def level1():
    x = "1"
    def level2():
        def level3():
            nonlocal x
            x += "3"
        level3()
        return x
    return level2()
print(level1())
