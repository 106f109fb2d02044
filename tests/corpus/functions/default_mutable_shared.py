def append_to(item, target=[]):
    target.append(item)
    return target
a = append_to(1)
b = append_to(2)
print(a, b, a is b)
def with_dict(k, d={}):
    d[k] = len(d)
    return d
with_dict("x")
print(with_dict("y"))
