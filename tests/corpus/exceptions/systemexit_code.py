# requires: EXC_ATTRS
# SystemExit.code (None, the argument, or the args tuple when several), StopIteration.value
# (the first argument), both also stored over.
for a in ((), (0,), (3,), ("msg",), (None,), (1, 2), (1, 2, 3)):
    e = SystemExit(*a)
    print(a, e.code, e.args)
for a in ((), (1,), (1, 2)):
    e = StopIteration(*a)
    print(a, e.value, e.args)
e = SystemExit(4)
e.code = 9
print(e.code, e.args)
e = StopIteration(4)
e.value = 8
print(e.value, e.args)
try:
    raise SystemExit(1, 2)
except SystemExit as x:
    print(x.code)
