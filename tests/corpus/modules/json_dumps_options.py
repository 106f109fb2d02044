# requires: MODULE_JSON FLOAT INT_BIG_MPZ BUILTIN_SET STR_UNICODE
# json.dumps's edge cases as CPython: keys of every JSON-able kind, NaN and infinities with
# and without allow_nan, separators (pairs, wrong lengths, wrong types), sort_keys with mixed
# keys, skipkeys, and keywords JSONEncoder does not take.
import json


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


t(lambda: json.dumps({1: 'a', 'b': 2, None: 3, False: 4, 2.5: 5, -0.0: 6, 1e100: 7}))
t(lambda: json.dumps({float('nan'): 1}))
t(lambda: json.dumps({float('inf'): 1}, allow_nan=False))
t(lambda: json.dumps([float('inf'), float('-inf')]))
t(lambda: json.dumps([float('-inf')], allow_nan=False))
t(lambda: json.dumps(float('nan'), allow_nan=False))
t(lambda: json.dumps({'a': [1, 2]}, separators=None))
t(lambda: json.dumps({'a': [1, 2]}, indent=2, separators=(',', ': ')))
for sep in [(';', '='), (1, ':'), (',', 2), ('a', 'b', 'c'), (), (',',), 'ab', [';', '=']]:
    t(lambda: json.dumps({'a': [1]}, separators=sep))
t(lambda: json.dumps({'b': 1, 'a': 2, 'c': {'z': 1, 'y': 2}}, sort_keys=True))
t(lambda: json.dumps({1: 1, 'a': 2}, sort_keys=True))
t(lambda: json.dumps({2: 1, 1: 2}, sort_keys=True))
t(lambda: json.dumps({None: 1, 'a': 2}, sort_keys=True))
t(lambda: json.dumps({(1,): 1, 'a': 2}, skipkeys=True))
t(lambda: json.dumps({(1,): 1}))
t(lambda: json.dumps({1j: 2}))
t(lambda: json.dumps(set()))
t(lambda: json.dumps(2**100))
t(lambda: json.dumps('\u20ac\x00"\\'))
t(lambda: json.dumps('\u20ac', ensure_ascii=False))
t(lambda: json.dumps([1.0, 1e16, -0.0]))
t(lambda: json.dumps([1], indent=0))
t(lambda: json.dumps([1], indent='\t'))
t(lambda: json.dumps({}, indent=2))
t(lambda: json.dumps({'a': 1}, sort_key=True))
t(lambda: json.dumps({'a': 1}, foo=1))
t(lambda: json.dumps({'a': 1}, obj=1))
t(lambda: json.dumps({'a': 1}, check_circular=False, cls=None))
