# requires: BUILTIN_SET
s = {1, 2, 3}
s.difference_update(s)
print(s)
s = {1, 2, 3}
s.difference_update({1}, s)
print(s)
s = {1, 2}
s -= s
print(s)
