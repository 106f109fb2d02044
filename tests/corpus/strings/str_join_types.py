print("".join(["a", "b"]), ", ".join(("x",)), "-".join({"k": 1, "j": 2}), "/".join(map(str, [1, 2])))
print("".join(["x" * i for i in range(4)]))
try:
    "".join(["a", 1])
except TypeError:
    print("TypeError")
