class Flag:
    def __init__(self, on):
        self.on = on
    def __bool__(self):
        print("bool called", self.on)
        return self.on
t, f = Flag(True), Flag(False)
print(t and "yes", f or "fallback")
if f:
    print("no")
elif t:
    print("t chosen")
while f:
    pass
print(not t, [x for x in (t, f) if x] == [t])
