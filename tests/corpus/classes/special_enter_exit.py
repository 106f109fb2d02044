class Tx:
    def __init__(self, log):
        self.log = log
    def __enter__(self):
        self.log.append("begin")
        return self
    def __exit__(self, et, ev, tb):
        self.log.append("rollback" if et else "commit")
        return et is ValueError
log = []
with Tx(log):
    log.append("work")
with Tx(log):
    raise ValueError
try:
    with Tx(log):
        raise TypeError("t")
except TypeError as e:
    log.append("outer " + str(e))
print(log)
