# requires: FLOAT BUILTIN_BYTEARRAY
print(float(bytearray(b"1.5")), float(b" 2.25 "), float(bytearray(b"-inf")))
try:
    float(bytearray(b"x"))
except ValueError:
    print("ValueError")
