# requires: CLASS_ADVANCED MODULE_JSON STR_FORMAT
# An instance's __dict__ (a view of its members) where code expects a mapping: %-formatting
# by key (logging's Formatter does `fmt % record.__dict__`), json.dumps, ** and str.format.
import json


class Record:
    def __init__(self):
        self.name = "root"
        self.levelname = "INFO"
        self.message = "hello"


r = Record()
print("%(levelname)s:%(name)s:%(message)s" % r.__dict__)
print("%s" % r.__dict__ == str(dict(r.__dict__)))
print(json.dumps(r.__dict__, sort_keys=True))
print(json.dumps([r.__dict__, {"n": 1}], sort_keys=True))
print("{levelname}-{message}".format(**r.__dict__))


class Ns:
    tag = "t"


print("%(tag)s" % Ns.__dict__)
try:
    json.dumps(Ns.__dict__)
except TypeError as e:
    print("TypeError", e)
# other mappings and non-mappings, as CPython takes them
print("%s" % [1, 2], "%s" % b"x", "%s and %s" % (1, 2))
try:
    print("%(a)s" % [1])
except TypeError:
    print("TypeError: a list is no mapping by key")
try:
    print("%s %s" % "ab")
except TypeError as e:
    print("TypeError", e)
