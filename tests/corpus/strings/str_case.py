s = "hello World of PYTHON"
print(s.upper(), s.lower(), s.capitalize(), s.title(), s.swapcase())
print("ABC".isupper(), "abc".islower(), "Abc".istitle() if False else "", "aBc".isupper())
print("".upper(), "123abc".upper(), "mIxEd".lower())
