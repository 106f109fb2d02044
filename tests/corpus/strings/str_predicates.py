tests = ["abc", "ABC", "Abc", "123", "12a", "", " ", "\t\n", "a b", "Title Case", "_x"]
for t in tests:
    print(repr(t), t.isalpha(), t.isdigit(), t.isalnum(), t.isspace(), t.isupper(), t.islower())
print("hello_1".isidentifier() if hasattr("", "isidentifier") else True)
# isprintable: ASCII control characters (tabs and newlines too) are not printable, a space is
for t in ["", " ", "abc", "a\tb", "\n", "\r", "\x00", "\x1f", "\x7f", "~ !"]:
    if hasattr(t, "isprintable"):
        print(repr(t), t.isprintable())
