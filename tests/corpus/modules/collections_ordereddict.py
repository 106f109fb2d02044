# requires: MODULE_COLLECTIONS
from collections import OrderedDict

od = OrderedDict([('a', 1), ('b', 2), ('c', 3)])
print(od, list(od), list(od.keys()), list(od.values()), list(od.items()), len(od), od['b'], 'c' in od)
od.move_to_end('a')
print(od)
od.move_to_end('c', last=False)
print(od)
od['d'] = 4
del od['b']
print(od, od.get('x'), od.get('d'), od.setdefault('e', 5), od)
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(), OrderedDict(x=1), isinstance(od, dict), type(od).__name__)
a = OrderedDict(a=1, b=2)
b = OrderedDict(b=2, a=1)
print(a == b, a == {'b': 2, 'a': 1}, {'b': 2, 'a': 1} == a, a != b, a == dict(a))
c = a.copy()
c['z'] = 0
print(c, a, type(c).__name__)
c.update({'y': 9})
print(c, c.pop('a'), c)
for bad in (lambda: OrderedDict().popitem(), lambda: a.move_to_end('nope'), lambda: a['nope']):
    try:
        bad()
    except KeyError as e:
        print('KeyError')
