adders = {n: (lambda x, n=n: x + n) for n in range(3)}
print([adders[k](10) for k in sorted(adders)])
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
print(compose(inc, inc)(0), compose(str, inc)(9))
print(list(filter(lambda v: v % 2, range(10))), list(map(lambda a, b: a * b, [1, 2], [3, 4])))
print(sorted({"b": 2, "a": 3}.items(), key=lambda kv: kv[1]))
