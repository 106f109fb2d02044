class Node:
    def __init__(self, v):
        self.v = v
        self.other = None
made = 0
for i in range(3000):
    a = Node(i)
    b = Node(i + 1)
    a.other = b
    b.other = a
    made += 1
print(made, a.other.v, b.other.v)
