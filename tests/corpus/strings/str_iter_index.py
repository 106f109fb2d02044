# requires: BUILTIN_REVERSED
s = "python"
for i, c in enumerate(s):
    print(i, c, ord(c))
print(list(s), s[2:], s[-2:], s[10:], "".join(reversed(s)))
try:
    s[10]
except IndexError as e:
    print("IndexError")
try:
    s[0] = "P"
except TypeError:
    print("TypeError")
print(chr(65) + chr(97), [chr(i) for i in range(48, 58)])
