def infinite(n):
    return infinite(n + 1) + 1
try:
    infinite(0)
except RuntimeError:
    print("RuntimeError caught")
print("survived", infinite.__name__)
