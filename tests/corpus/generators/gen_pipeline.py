# requires: GENERATORS
def numbers():
    for i in range(1, 21):
        yield i
def evens(src):
    for v in src:
        if v % 2 == 0:
            yield v
def squares(src):
    for v in src:
        yield v * v
print(list(squares(evens(numbers()))))
print(sum(x for x in squares(evens(numbers())) if x > 100))
