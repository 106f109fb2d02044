s = "a,b,c"
parts = s.split(",")
print(parts, ",".join(parts) == s, list(s), "".join(list(s)))
nums = "1 2 3 40"
vals = [int(v) for v in nums.split()]
print(vals, sum(vals), " ".join([str(v) for v in vals]))
print(tuple("abc"), str(("a", "b")), str([1, 2]))
