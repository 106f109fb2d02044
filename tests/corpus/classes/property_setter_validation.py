# requires: BUILTIN_PROPERTY
class Account:
    def __init__(self):
        self._balance = 0
        self.history = []
    @property
    def balance(self):
        return self._balance
    @balance.setter
    def balance(self, v):
        if v < 0:
            raise ValueError("negative balance")
        self.history.append(v)
        self._balance = v
a = Account()
a.balance = 10
a.balance += 5
try:
    a.balance -= 100
except ValueError as e:
    print("rejected:", e)
print(a.balance, a.history)
