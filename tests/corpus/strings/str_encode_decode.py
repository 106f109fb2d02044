s = "ascii text"
b = s.encode()
print(b, type(b).__name__, b.decode("utf-8"), s.encode("utf-8") == b, str(b, "utf-8"))
try:
    b"\xff\xfe".decode("utf-8")
except UnicodeError as e:
    print(type(e).__name__)
print(str(b"x"), bytes("y", "ascii"))
