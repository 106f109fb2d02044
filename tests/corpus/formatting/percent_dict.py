# requires: STR_FORMAT
d = {"name": "Ada", "n": 36, "lang": "py"}
print("%(name)s (%(n)d) likes %(lang)s" % d)
print("%(n)05d|%(name)-6s|%(n)x" % d)
print("%(name)s %(name)s" % d)
try:
    "%(missing)s" % d
except KeyError as e:
    print("KeyError")
