pairs = [(2, "a"), (1, "b"), (2, "c"), (1, "d"), (0, "e")]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
words = ["Banana", "apple", "cherry", "Apple"]
print(sorted(words), sorted(words, key=str.lower))
nums = [3, -1, 2, -3, 1]
nums.sort(key=abs)
print(nums)
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError")
