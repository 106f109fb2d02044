s = "0123456789"
for start in (None, 2, -3):
    for stop in (None, 5, -1):
        for step in (None, 2, -1):
            print(repr(s[start:stop:step]), end=" ")
    print()
