text = """first line
    indented second
last"""
for n, line in enumerate(text.split("\n")):
    print(n, repr(line), len(line))
print(text.count("\n"), text.splitlines()[1].strip())
x = ("implicit "
     "concatenation "
     "across lines")
print(x)
