# requires: STR_FORMAT
rows = [("apple", 3, 120), ("banana", 12, 45), ("cherry", 150, 7)]
print("{:<10}|{:>5}|{:>6}".format("name", "qty", "price"))
print("{:-<10}+{:->5}+{:->6}".format("", "", ""))
for r in rows:
    print("{:<10}|{:>5}|{:>6,}".format(*r))
for r in rows:
    print(f"{r[0]:^10}|{r[1]:05}|{r[2]:#06x}")
