g = 1
def outer():
    g = 2
    def inner():
        global g
        g = 3
    inner()
    return g
print(outer(), g)
def reads_before_global_set():
    return g * 10
print(reads_before_global_set())
