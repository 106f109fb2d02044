class Chain:
    def __init__(self, n):
        self.next = Chain(n + 1)
try:
    Chain(0)
except RuntimeError:
    print("constructor recursion caught")
class Ok:
    def __init__(self, n):
        self.next = Ok(n - 1) if n else None
o = Ok(50)
depth = 0
while o:
    depth += 1
    o = o.next
print(depth)
