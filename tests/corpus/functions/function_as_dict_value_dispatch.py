def op_add(a, b): return a + b
def op_sub(a, b): return a - b
def op_mul(a, b): return a * b
table = {"+": op_add, "-": op_sub, "*": op_mul}
def calc(expr):
    tokens = expr.split()
    acc = int(tokens[0])
    for i in range(1, len(tokens), 2):
        acc = table[tokens[i]](acc, int(tokens[i + 1]))
    return acc
print(calc("1 + 2 * 3 - 4"), calc("10"), calc("2 * 2 * 2 * 2"))
