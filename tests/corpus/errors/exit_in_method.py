class Account:
    def __init__(self, b):
        self.b = b
    def withdraw(self, x):
        if x > self.b:
            raise ValueError("insufficient funds")
        self.b -= x
a = Account(10)
a.withdraw(3)
print(a.b)
a.withdraw(100)
