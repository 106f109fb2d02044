class E(Exception):
    def __str__(self):
        return "custom message"
class F(Exception):
    def __init__(self, a, b):
        super().__init__(a, b)
        self.a = a
try:
    raise E("ignored")
except E as e:
    print(e, e.args)
try:
    raise F(1, 2)
except F as e:
    print(e, e.a, e.args)
