# requires: STR_FORMAT
rows = [("apple", 3, 120), ("banana", 12, 45), ("cherry", 150, 7)]
print("%-10s %5s %6s" % ("name", "qty", "price"))
for name, q, p in rows:
    print("%-10s %5d %6d" % (name, q, p))
print("%-10s %5d %6d" % ("total", sum([r[1] for r in rows]), 172))
