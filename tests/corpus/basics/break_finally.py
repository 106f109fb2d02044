def f():
    for i in range(5):
        try:
            try:
                if i == 1:
                    continue
                if i == 3:
                    break
                print("body", i)
            finally:
                print("inner", i)
        finally:
            print("outer", i)
    return i
print(f())
def g():
    while True:
        try:
            return "from loop"
        finally:
            print("cleanup")
print(g())
def h():
    for i in range(3):
        try:
            break
        finally:
            print("finally then break")
    else:
        print("no")
h()
