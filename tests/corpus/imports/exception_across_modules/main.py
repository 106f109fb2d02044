import errs
try:
    errs.fail()
except errs.CustomError as e:
    print("caught", type(e).__name__, e.args)
print("after")
errs.fail()
