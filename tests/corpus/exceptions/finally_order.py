log = []
def f():
    try:
        log.append("try")
        raise ValueError
    except ValueError:
        log.append("except")
        return "from except"
    finally:
        log.append("finally")
print(f(), log)
def g():
    try:
        raise KeyError
    finally:
        log.append("g finally")
try:
    g()
except KeyError:
    log.append("caught g")
print(log)
def h():
    try:
        raise ValueError("lost")
    finally:
        return "finally return swallows"
print(h())
