class Node:
    def __init__(self):
        self.next = self
    def walk(self):
        return self.next.walk()
try:
    Node().walk()
except RuntimeError:
    print("method recursion caught")
class R:
    def __repr__(self):
        return repr(self)
try:
    repr(R())
except RuntimeError:
    print("repr recursion caught")
