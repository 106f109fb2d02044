print(", ".join(["a", "b", "c"]), "".join([]), "-".join("xyz"), "+".join(("1",)))
try:
    ",".join([1, 2])
except TypeError as e:
    print("TypeError")
s = "aaa-bbb-aaa"
print(s.replace("a", "o"), s.replace("a", "o", 2), s.replace("", "|"), s.replace("zz", "y"))
print("ab" * 3, 3 * "-", "x" * 0, "y" * -1)
