for e in (Exception(), Exception("one"), Exception("a", 2), ValueError(3), KeyError("k"), OSError(2, "nf")):
    print(type(e).__name__, e.args, repr(e), str(e))
e = ValueError("x")
e.args = ("changed",)
print(e)
print(str(KeyError("quoted")), str(KeyError()), str(KeyError(1, 2)))
