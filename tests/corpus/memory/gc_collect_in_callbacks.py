# requires: MODULE_GC STR_FORMAT BUILTIN_HELPERS BUILTIN_SET FLOAT GENERATORS
# A collection from inside a callback must keep alive what the C code calling the callback
# holds only in locals (on WebAssembly: outside the memory a stack scan sees): sort keys,
# join over a generator, dict and set building, format and comparisons.
import gc


def churn(x):
    gc.collect()
    junk = [str(i) * 3 for i in range(20)]
    return x


class Key:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        gc.collect()
        return self.v < other.v

    def __hash__(self):
        gc.collect()
        return hash(self.v)

    def __eq__(self, other):
        gc.collect()
        return self.v == other.v

    def __format__(self, spec):
        gc.collect()
        return format(self.v, spec)

    def __repr__(self):
        gc.collect()
        return "Key(%r)" % (self.v,)


for round_ in range(3):
    words = ["w%d" % (i * 7 % 31) for i in range(60)]
    print(sorted(words, key=churn)[:5], sorted(words, key=churn, reverse=True)[:3])
    print(",".join(churn(w + "!") for w in words[:12]))
    d = {churn("k%d" % i): churn([i, str(i)]) for i in range(40)}
    print(len(d), d["k7"], d["k39"])
    keys = [Key(i * 5 % 17) for i in range(30)]
    print([k.v for k in sorted(keys)][:10], max(keys).v, min(keys).v)
    s = set(keys)
    print(len(s), Key(3) in s)
    print("{:>5}|{:<4}|{:^6}".format(Key(12), Key("ab"), Key(3.5)))
    print(repr([Key(i) for i in range(4)]), "%s %r" % (Key(1), Key("x")))
    print(list(map(churn, range(5))), tuple(filter(churn, [0, 1, 2])), list(zip(map(churn, "abc"), range(3))))
