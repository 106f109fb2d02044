print(hash(1) == hash(1), hash(0), hash(True) == hash(1), hash(-1) == hash(-1))
print(hash((1, 2)) == hash((1, 2)), hash("a") == hash("a"), hash(None) == hash(None))
for bad in ([], {}, [1]):
    try:
        hash(bad)
    except TypeError as e:
        print("TypeError")
