# requires: BUILTIN_HELPERS
name = input()
print("hello", name)
age = input("prompt> ")
print("age", int(age) + 1)
try:
    input()
except EOFError:
    print("EOFError at end of input")
