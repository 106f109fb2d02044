# requires: COMPILER BUILTIN_BYTEARRAY BUILTIN_MEMORYVIEW
# eval() and exec() take their source from any bytes-like object, not only str and bytes.
src = bytearray(b"40 + 2")
print(eval(src), eval(memoryview(b"7 * 6")), eval(memoryview(b"xx 2 ** 5 yy")[3:-3]))
scope = {}
exec(bytearray(b"total = sum(range(5))\nlabel = 'sum'"), scope)
print(scope["label"], scope["total"])
exec(memoryview(bytearray(b"print('from a view')")))
code = bytearray(b"6 * 7")
value = eval(code)
code[0:1] = b"1"  # changing the buffer afterwards does not matter
print(value, eval(code))
for bad in (1, None, [1]):
    try:
        eval(bad)
    except TypeError:
        print("TypeError", type(bad).__name__)
