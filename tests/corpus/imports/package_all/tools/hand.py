def hammer():
    return "bang"
def saw():
    return "zzz"
def _internal():
    return None
