print(ord("a"), ord("A"), ord("0"), ord(" "), ord("\n"), ord("~"))
print(chr(97), chr(126), repr(chr(10)), repr(chr(0)))
print("".join([chr(ord(c) + 1) for c in "HAL"]))
try:
    ord("ab")
except TypeError:
    print("TypeError")
try:
    chr(-1)
except ValueError:
    print("ValueError")
rot13 = "".join([chr((ord(c) - 97 + 13) % 26 + 97) if "a" <= c <= "z" else c for c in "hello, world"])
print(rot13)
