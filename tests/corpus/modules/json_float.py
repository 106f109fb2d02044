# requires: MODULE_JSON FLOAT FLOAT_DOUBLE STR_UNICODE
import json

print(json.dumps([1.5, -0.0, 1e100, 1e-7, 0.1, 123456789.125]), json.dumps({2.5: 'y'}))
print(json.dumps(float('inf')), json.dumps(float('-inf')), json.dumps(float('nan')))
try:
    json.dumps(float('nan'), allow_nan=False)
except ValueError as e:
    print('ValueError', e)
print(json.dumps('é€𝄞'), json.dumps('é€𝄞', ensure_ascii=False), json.loads('"\\u00e9\\u20ac\\ud834\\udd1e"'))
print(json.loads('[1.5, -2.5e3, 1E2, 0.0, -0, 1e400, NaN, Infinity, -Infinity]'))
print(json.loads('{"é": "ü"}'), json.loads('"€"'))
