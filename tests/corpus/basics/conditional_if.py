def classify(n):
    if n < 0:
        return "neg"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"
print([classify(v) for v in (-5, 0, 3, 99)])
if []:
    print("no")
elif {}:
    print("no")
elif "s":
    print("non-empty string is true")
