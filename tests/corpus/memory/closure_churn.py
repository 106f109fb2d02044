def make(n):
    def f():
        return n
    return f
fs = [make(i) for i in range(3000)]
print(sum([f() for f in fs]))
fs = None
print("freed")
