print("before class")
class C:
    print("in class body")
    a = 1
    b = a + 1
    lst = [a, b]
    for i in range(2):
        lst.append(i)
    def m(self):
        return self.b
print("after class", C.b, C.lst, C().m(), C.i)
