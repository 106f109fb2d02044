class C:
    count = 0
    items = []
    def __init__(self):
        C.count += 1
        self.items.append(C.count)
a = C(); b = C()
print(C.count, a.count, C.items, b.items is C.items)
a.count = 100
print(a.count, C.count, b.count)
del a.count
print(a.count)
C.new_attr = "added"
print(b.new_attr)
class D(C):
    count = 50
print(D.count, D.items is C.items)
