def bank(balance):
    def deposit(x):
        nonlocal balance
        balance += x
        return balance
    def withdraw(x):
        nonlocal balance
        if x > balance:
            raise ValueError("insufficient")
        balance -= x
        return balance
    return deposit, withdraw
d, w = bank(100)
print(d(50), w(30))
try:
    w(1000)
except ValueError as e:
    print(e)
print(d(0))
