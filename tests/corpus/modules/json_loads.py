# requires: MODULE_JSON BUILTIN_BYTEARRAY INT_BIG_MPZ
import json

print(json.loads('[1, -2, "a\\"b\\\\c\\/d", {"x": {}}, [], true, false, null]'))
print(json.loads(b'{"a": 1}'), json.loads(bytearray(b'[2]')), json.loads(' 12 '), json.loads('\n\t"s" '))
print(json.loads('{"k": [1, 2, {"z": null}], "k": "dup"}'), json.loads('"\\n\\t\\r\\b\\f"') == '\n\t\r\b\f')
print(json.loads('123456789012345678901234567890'), json.loads('{"a": [[[[1]]]]}'))
print(json.loads('{"a": 1, "b": 2}', object_hook=lambda d: sorted(d.items())))
print(json.loads(json.dumps({'round': [1, 'two', None, {'three': [3]}]})))
for bad in ['[1,', '{"a" 1}', '[1] x', '', '"abc', '{1: 2}', 'nul', '[1 2]', '{"a": 1,}', '"\\q"', '"a\nb"', '01', '-']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), 'JSONDecodeError:', e, e.pos, e.lineno, e.colno)
try:
    json.loads('[\n  1,\n  oops]')
except ValueError as e:
    print(type(e).__name__, e)
print(issubclass(json.JSONDecodeError, ValueError))
