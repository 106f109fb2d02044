# requires: BUILTIN_HELPERS
g = 5
print("g" in globals(), globals()["g"], globals()["__name__"])
globals()["created"] = "yes"
print(created)
def f():
    return globals()["g"] + 1
print(f())
