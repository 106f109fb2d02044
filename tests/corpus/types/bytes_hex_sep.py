# requires: STR_UNICODE
data = b"\x01\x02\x03\x04\x05"
print(data.hex(), data.hex(":"), data.hex("-", 2), data.hex("-", -2), data.hex(b"_", 0), b"".hex(":"))
for sep in ("::", "é"):
    try:
        data.hex(sep)
    except ValueError:
        print("ValueError")
