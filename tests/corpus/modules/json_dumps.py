# requires: MODULE_JSON INT_BIG_MPZ
import json

print(json.dumps({'a': [1, 2, None, True, False], 'b': 'x"y\\z'}))
print(json.dumps([]), json.dumps({}), json.dumps(None), json.dumps('s'), json.dumps(12), json.dumps(-7), json.dumps((1, 2)))
print(json.dumps([1, {'b': 2, 'a': [True, None]}], indent=2, sort_keys=True))
print(json.dumps({'a': 1, 'b': [1, 2]}, separators=(',', ':')))
print(json.dumps([1, [2, []], {}], indent=0))
print(json.dumps({'x': [1, {'y': {}}]}, indent='--'))
print(json.dumps('tab\there\nnl \x01 \x1f \x7f'), json.dumps({1: 'int key', True: 'b', None: 'n'}))
print(json.dumps({'c': 1, 'a': 2, 'b': 3}, sort_keys=True), json.dumps({(1, 2): 3, 'k': 4}, skipkeys=True))
print(json.dumps({'k': (1, 2)}, default=str), json.dumps([object.__name__], default=repr), json.dumps(2**70))
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print('TypeError', e)
try:
    json.dumps(object())
except TypeError as e:
    print('TypeError', str(e)[:30])
loop = [1]
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print('ValueError', e)
same = [1]
print(json.dumps([same, same]))


class Enc:
    pass


print(json.dumps([Enc()], default=lambda o: 'enc'))
