# requires: MODULE_JSON BUILTIN_BYTEARRAY
# MicroPython's json.dumps encodes bytes as a string (CPython raises TypeError); with
# default= given, default decides what bytes become, as in CPython.
import json

print(json.dumps(b"1234"))
print(json.dumps([b'a"b', {"k": b"v\n"}, b""]))
print(json.dumps({"x": b"y"}, separators=(",", ":")))
print(json.dumps(b"raw", default=lambda o: len(o)))
print(json.dumps([bytearray(b"no")], default=lambda o: "bytearray"))
try:
    json.dumps(bytearray(b"ba"))
except TypeError:
    print("bytearray: TypeError")
