a = [5, 3, 8, 1]
a.sort(reverse=True)
print(a)
a.sort(key=lambda v: v % 3)
print(a)
words = ["bb", "a", "ccc", "dd"]
words.sort(key=len, reverse=True)
print(words)
print(a.index(8), a.index(1, 1))
try:
    a.index(99)
except ValueError:
    print("ValueError")
a.insert(-1, "x")
a.insert(100, "end")
a.insert(-100, "start")
print(a)
print(a.pop(-2), a)
try:
    [].pop()
except IndexError as e:
    print(type(e).__name__)
try:
    a.remove("zz")
except ValueError:
    print("remove ValueError")
