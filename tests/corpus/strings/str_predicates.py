tests = ["abc", "ABC", "Abc", "123", "12a", "", " ", "\t\n", "a b", "Title Case", "_x"]
for t in tests:
    print(repr(t), t.isalpha(), t.isdigit(), t.isalnum(), t.isspace(), t.isupper(), t.islower())
print("hello_1".isidentifier() if hasattr("", "isidentifier") else True)
