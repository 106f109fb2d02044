def a():
    x = "a"
    def b():
        x = "b"
        def c():
            nonlocal x
            x = "c-set"
        c()
        return x
    return b(), x
print(a())
def gen_id():
    counter = 0
    def nxt():
        nonlocal counter
        counter += 1
        return "id" + str(counter)
    return nxt
n = gen_id()
print(n(), n(), n())
