# requires: MODULE_JSON FLOAT
# json.loads honours each of CPython's keywords (none is ignored): the number and constant
# hooks get the text, object_pairs_hook the pairs in order (before object_hook), strict=False
# takes control characters in strings; unknown keywords and a missing document are TypeErrors.
import json

doc = '{"b": 1.50, "a": [10, -2, 3e2], "c": NaN, "d": -Infinity, "e": Infinity, "b": 7}'
print(json.loads(doc, parse_float=lambda s: "F" + s, parse_int=lambda s: "I" + s,
                 parse_constant=lambda s: "C" + s))
print(json.loads(doc, object_pairs_hook=lambda p: p, object_hook=lambda o: "never"))
print(json.loads('[{"x": 1}, {}]', object_pairs_hook=tuple))
print(json.loads('{"x": {"y": 2}}', object_hook=lambda o: sorted(o.items())))
print(json.loads('{"k": 5}', object_hook=None, parse_int=None, cls=None))
print(json.loads('"a\tb"', strict=False), json.loads('"a\\tb"', strict=True))
try:
    json.loads('"a\tb"')
except ValueError as e:
    print("ValueError", e)
print(json.loads('-1', parse_int=float), json.loads('-0.0', parse_float=str))
for bad in ({"parse_floats": float}, {"object_hook": 1}, {}):
    try:
        print(json.loads('{"a": 1}', **bad) if bad else json.loads())
    except TypeError as e:
        print("TypeError", str(e).split("(")[0].replace("JSONDecoder.__init__", "loads"))
