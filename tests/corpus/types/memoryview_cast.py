# requires: BUILTIN_MEMORYVIEW MEMORYVIEW_CAST BUILTIN_BYTEARRAY MODULE_ARRAY ERROR_MSG_DETAILED INT_BIG_MPZ|INT_BIG_LONGLONG STR_FORMAT
# memoryview.cast(): the same bytes as items of another format (to and from bytes), a
# one-dimensional shape, and CPython's errors for a bad format, length or shape.
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
m = memoryview(bytearray(range(8)))
t(lambda: m.cast('H').tolist())
t(lambda: m.cast('I').nbytes)
t(lambda: m.cast('h').format)
t(lambda: m.cast('Q')[0])
t(lambda: m.cast('x'))
t(lambda: m.cast('H', (3,)))
t(lambda: m.cast(1))
t(lambda: m.cast('@H').tolist())
t(lambda: m.cast('H').cast('I'))
t(lambda: m.cast('H').cast('B').tolist())
t(lambda: m.cast('I', (2,)).tolist())
t(lambda: m.cast('I', [2]).tolist())
t(lambda: m.cast('I', (3,)))
t(lambda: memoryview(b'abc').cast('H'))
t(lambda: memoryview(b'abcd').cast('h').readonly)
mm = memoryview(bytearray(8)).cast('i')
mm[1] = -5
t(lambda: mm.tolist())
t(lambda: bytes(mm.obj))
t(lambda: mm[1:].cast('B').tolist())
t(lambda: len(mm))
