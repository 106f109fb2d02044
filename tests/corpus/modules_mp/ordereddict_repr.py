# requires: MODULE_COLLECTIONS
# OrderedDict's repr as MicroPython prints it (CPython 3.12+ too, except OrderedDict() when
# empty; 3.11 printed a list of pairs), its order after moves, order-sensitive == only
# between two OrderedDicts, and as a class namespace.
from collections import OrderedDict

x = OrderedDict()
print(x, repr(x), str(x))
x['b'] = 2
x['a'] = [1, 'x']
print(x)
x.move_to_end('b')
print(x, OrderedDict(x) == x, OrderedDict(a=[1, 'x'], b=2) == x, dict(x) == OrderedDict(b=2, a=[1, 'x']))
y = OrderedDict([('b', 2), ('a', [1, 'x'])])
print(y == x, y != x, y == dict(x))
print([x, {'k': OrderedDict(z=None)}])

# an OrderedDict as type()'s namespace (CPython 3.11 wants an exact dict): its order is kept
A = type('A', (), OrderedDict(e=5, a=1, d=4))
print([k for k in A.__dict__ if not k.startswith('_')], A.e)
