log = []
def f():
    try:
        try:
            log.append("inner try")
            return "inner"
        finally:
            log.append("inner finally")
    finally:
        log.append("outer finally")
print(f(), log)
def g():
    for i in range(3):
        try:
            try:
                if i == 1:
                    raise ValueError(i)
            finally:
                log.append("f" + str(i))
        except ValueError:
            log.append("caught" + str(i))
            continue
    return "done"
log.clear()
print(g(), log)
