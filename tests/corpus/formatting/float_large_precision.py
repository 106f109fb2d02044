# requires: FLOAT FLOAT_DOUBLE STR_FORMAT BUILTIN_HELPERS
# Large precisions are formatted in full, as CPython does.
print(len("%.300f" % 1e300), len("{:.400f}".format(0.1)), len("%.500e" % 1.5))
print(("%.350f" % 0.1)[-5:], "{:.1000g}".format(2.0**-1074)[:20])
print(round(1e300, 300) == 1e300, round(0.5, 350))
for spec in ("{:99999999999999999999}", "{:.99999999999999999999f}"):
    try:
        spec.format(1.5)
    except ValueError:
        print("ValueError")
try:
    "%99999999999999999999d" % 1
except ValueError:
    print("ValueError")
