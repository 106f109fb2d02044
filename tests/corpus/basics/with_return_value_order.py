log = []
class CM:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        log.append("enter" + str(self.n))
        return self.n
    def __exit__(self, *a):
        log.append("exit" + str(self.n))
def f():
    with CM(1) as a:
        with CM(2) as b:
            log.append("body")
            return a + b
print(f(), log)
