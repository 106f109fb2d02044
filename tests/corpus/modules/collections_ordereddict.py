# requires: MODULE_COLLECTIONS
from collections import OrderedDict


def show(d):
    # the items in order (the repr changed in CPython 3.12; modules_mp/ordereddict_repr.py pins ours)
    return type(d).__name__ + str(list(d.items()))


od = OrderedDict([('a', 1), ('b', 2), ('c', 3)])
print(show(od), list(od), list(od.keys()), list(od.values()), list(od.items()), len(od), od['b'], 'c' in od)
od.move_to_end('a')
print(show(od))
od.move_to_end('c', last=False)
print(show(od))
od['d'] = 4
del od['b']
print(show(od), od.get('x'), od.get('d'), od.setdefault('e', 5), show(od))
print(od.popitem(), od.popitem(last=False), show(od))
print(show(OrderedDict()), show(OrderedDict(x=1)), isinstance(od, dict), type(od).__name__)
a = OrderedDict(a=1, b=2)
b = OrderedDict(b=2, a=1)
print(a == b, a == {'b': 2, 'a': 1}, {'b': 2, 'a': 1} == a, a != b, a == dict(a))
c = a.copy()
c['z'] = 0
print(show(c), show(a), type(c).__name__)
c.update({'y': 9})
print(show(c), c.pop('a'), show(c))
for bad in (lambda: OrderedDict().popitem(), lambda: a.move_to_end('nope'), lambda: a['nope']):
    try:
        bad()
    except KeyError as e:
        print('KeyError')
