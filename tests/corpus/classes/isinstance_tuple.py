class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, (C, A)), isinstance(b, (C,)), isinstance(1, (str, int)), isinstance("s", ()))
print(issubclass(B, (C, A)), issubclass(bool, (int,)), issubclass(A, A))
try:
    isinstance(b, 5)
except TypeError:
    print("TypeError")
