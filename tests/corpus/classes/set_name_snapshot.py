# requires: GENERATORS
# __set_name__ runs over a snapshot of the class namespace: attributes it adds are not
# visited.
class D:
    def __set_name__(self, owner, name):
        print("set_name", name)
        setattr(owner, name + "_extra", 1)
        setattr(owner, "z" + name, D2())
class D2:
    def __set_name__(self, owner, name):
        print("never", name)
class C:
    a = D()
    b = D()
print(sorted(k for k in vars(C) if not k.startswith("__")))
