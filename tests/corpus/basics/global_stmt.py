count = 0
def bump():
    global count
    count += 1
def make():
    global newname
    newname = "created"
bump(); bump()
print(count)
make()
print(newname)
def reader():
    return count * 10
print(reader())
def shadow():
    count = 99
    return count
print(shadow(), count)
