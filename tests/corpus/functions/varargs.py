def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s, len(nums), type(nums).__name__
print(total(), total(1), total(1, 2, 3), total(*range(10)))
def first_rest(first, *rest):
    return first, rest
print(first_rest(1), first_rest(1, 2, 3))
def opts(**o):
    return sorted(o)
print(opts(), opts(z=1, a=2))
