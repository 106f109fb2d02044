# requires: BUILTIN_HELPERS MODULE_SYS MODULE_COLLECTIONS
# __import__(name, globals, locals, fromlist, level) by position and by keyword, and the
# TypeErrors of a wrong keyword, a missing name, a name given twice.
m = __import__('sys', globals(), locals(), [], 0)
print(m.__name__)
m = __import__(name='sys')
print(m.__name__)
m = __import__('collections', fromlist=['OrderedDict'], level=0)
print(m.__name__)
m = __import__('collections', globals=None, locals=None, fromlist=(), level=0)
print(m.__name__)
for kw in ({'bogus': 1}, {}, {'level': -1}):
    try:
        __import__(**kw)
    except (TypeError, ValueError) as e:
        print(type(e).__name__)
try:
    __import__('sys', name='x')
except TypeError as e:
    print('TypeError')
