s = "x"
try:
    for i in range(26):
        s = s + s
except MemoryError:
    pass
print("string doubled:", len(s) >= 1, s[:3])
s = None
print("-".join(["after"] * 3))
