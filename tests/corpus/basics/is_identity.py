a = [1]
b = a
c = [1]
print(a is b, a is c, a == c, a is not c)
print(None is None, True is not False)
t = ()
print(t == (), len(t))
