def make_fact():
    def fact(n):
        return 1 if n < 2 else n * fact(n - 1)
    return fact
print(make_fact()(10))
def tree_sum(t):
    def walk(node):
        if isinstance(node, int):
            return node
        return sum([walk(c) for c in node])
    return walk(t)
print(tree_sum([1, [2, 3, [4]], [[5]]]))
