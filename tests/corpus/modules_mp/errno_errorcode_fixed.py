# requires: MODULE_ERRNO
# errno.errorcode is read-only, as MicroPython's: every mutation is a TypeError and the
# table stays as it was; reading works as on any dict.
import errno

ec = errno.errorcode
before = ec.copy()
for bad in (lambda: ec.popitem(), lambda: ec.pop(2), lambda: ec.pop(2, None), lambda: ec.setdefault(0, 0),
            lambda: ec.update([(1, 2)]), lambda: ec.update(x=1), lambda: ec.clear(), lambda: ec.__setitem__(1, 'x'),
            lambda: ec.__delitem__(1), lambda: ec.__ior__({})):
    try:
        bad()
        print('no error')
    except TypeError:
        print('TypeError')
try:
    ec[1] = 'foo'
except TypeError:
    print('TypeError store')
try:
    del ec[1]
except TypeError:
    print('TypeError delete')
try:
    ec |= {1: 2}
except TypeError:
    print('TypeError |=')
print(ec == before, before == ec, type(before) is dict, isinstance(ec, dict), type(ec).__name__)
print(ec[errno.ENOENT], ec.get(errno.EIO), ec.get(99999), errno.EEXIST in ec, len(ec) == len(before))
print(sorted(ec)[:3], list(ec.items()) == list(before.items()), dict(ec) == before)
copy = ec.copy()
copy[1] = 'changed'
print(copy[1], ec[1], (ec | {0: "zero"})[0], type(ec | {}) is dict, len(ec) == len(before))
try:
    hash(ec)
except TypeError:
    print('unhashable')
