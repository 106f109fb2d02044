print([ord(c) for c in "AZaz09 ~"], "".join([chr(c) for c in range(65, 75)]))
print(chr(0x41), ord("\t"), ord("\x7f"), chr(127) == "\x7f")
