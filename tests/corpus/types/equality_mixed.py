print(1 == 1, 1 == "1", [1] == (1,), {} == [], None == 0, "a" == b"a")
print((1, [2]) == (1, [2]), {"a": [1]} == {"a": [1]})
print([1, 2] != [1, 2], () == (), [] == [])
try:
    [1] < (1,)
except TypeError as e:
    print("TypeError")
try:
    None < 1
except TypeError as e:
    print("TypeError")
