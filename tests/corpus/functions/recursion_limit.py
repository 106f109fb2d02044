def down(n):
    return down(n + 1)
try:
    down(0)
except RuntimeError as e:
    print("caught", isinstance(e, RuntimeError))
def still_works(n):
    return 0 if n == 0 else 1 + still_works(n - 1)
print(still_works(50))
