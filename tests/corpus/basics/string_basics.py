s = "Hello"
print(s + " " + "World", s * 2, len(s), s[0], s[-1])
print("ell" in s, "xyz" not in s)
print(s.upper(), s.lower(), s.replace("l", "L"))
print("a" "b" 'c', """triple
quoted""")
print('quote"s', "it's", "tab\there", "back\\slash")
print(r"raw\n", "\x41\101")
print(str(42), str(None), str(True), repr("x'y"), repr('a"b'))
