# isinstance() and issubclass() with a class-info tuple nested ever deeper: the answer, or a
# RecursionError where the C stack would not hold the walk (CPython: always the error), never
# a crash, whatever depth the heap lets the program build (a small board's ends in a
# MemoryError first).
t = int
n = 0
try:
    while n < 200000:
        t = (t,)
        n += 1
except MemoryError:
    for i in range(200):  # room for the checks below
        t = t[0]
for check, answer in ((lambda: isinstance(1, t), True), (lambda: issubclass(bool, t), True),
                      (lambda: isinstance("x", t), False)):
    try:
        got = check()
    except RecursionError:
        got = answer
    print(got == answer)
