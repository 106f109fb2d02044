# requires: FLOAT FLOAT_DOUBLE FLOAT_HEX ERROR_MSG_DETAILED
for s in ["0x1p99999", "0x1.fffffffffffff8p1023", "0x", "1.2.3", "infinit", ""]:
    try:
        print(float.fromhex(s))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
try:
    float.fromhex(b"0x1p0")
except TypeError as e:
    print("TypeError")
