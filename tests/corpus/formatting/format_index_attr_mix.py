# requires: STR_FORMAT
data = {"user": {"name": "ann", "langs": ["py", "c"]}}
print("{0[user][name]} knows {0[user][langs][0]}".format(data))
class P:
    def __init__(self):
        self.x, self.y = 3, 4
        self.tags = ["a", "b"]
print("({p.x}, {p.y}) {p.tags[1]}".format(p=P()))
print("{0} {0!r} {0[0]}".format("xy"))
