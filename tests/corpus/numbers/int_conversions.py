print(int("0"), int("-0"), int("+15"), int("1_000"), int(" 42\n"))
print(int("777", 8), int("ZZ", 36), int("-101", 2), int("0xFF", 0), int("0b11", 2))
for bad in ("", "1.5", "abc", "1 2", "0x"):
    try:
        int(bad)
    except ValueError as e:
        print("ValueError")
try:
    int("12", 1)
except ValueError:
    print("ValueError base")
try:
    int([])
except TypeError:
    print("TypeError")
print(int(), int(True), int(False))
