words = ["pear", "Apple", "apple", "banana", "", "a", "ab"]
print(sorted(words))
print("a" < "b", "Z" < "a", "abc" < "abd", "ab" < "abc", "b" > "abc")
print("abc" == "abc", "A" != "a", max("hello"), min("hello"))
try:
    "a" < 1
except TypeError as e:
    print("TypeError")
