s = "abc"
t = s
s += "def"
print(s, t)
u = s.upper()
print(s, u)
print(s[:1] + "X" + s[2:])
print(s.replace("b", ""), s)
