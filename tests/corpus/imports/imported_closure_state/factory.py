instances = 0
def make_counter():
    global instances
    instances += 1
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
def shared():
    return "instances=" + str(instances)
