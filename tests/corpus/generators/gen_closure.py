# requires: GENERATORS
def make(n):
    def gen():
        for i in range(n):
            yield i + n
    return gen
print(list(make(3)()), list(make(1)()))
def counter_gen():
    count = 0
    def bump():
        nonlocal count
        count += 1
    for _ in range(3):
        bump()
        yield count
print(list(counter_gen()))
