# Calls every builtin function, every function of every builtin module and every method of
# every type found on the way, with arguments of every kind, and every method through its
# type with receivers of every other type. Only Python exceptions may come out: the test
# (tests/test_fuzz_calls.py) runs this on the sanitizer build and fails on any signal,
# sanitizer report or hang. What is called is found in the firmware itself (dir() of
# builtins, of each module and of each type), never listed here.
#
# Usage: calls.mpy SEED MODULE...   (the modules of the build, from its module table)
# Output: one "@ name" line before each callable, so a crash names the last one.
# ruff: noqa: SIM105 -- runs on the firmware, which has no contextlib
import builtins
import sys

# Callables that would block, sleep, exit or stop the heap: not called.
SKIP = {
    "exit",
    "input",
    "sleep",
    "sleep_ms",
    "sleep_us",
    "run",
    "run_until_complete",
    "run_forever",  # the asyncio loop object: runs until stop()
    "heap_lock",
    "heap_unlock",
    "select",
    "poll",
    "ipoll",
    "wait",
    "dupterm",
    "schedule",  # the callback would run (and raise) at some later point of this program
    "disable",  # gc.disable(): later allocations would fail instead of collecting
    # unbounded work from small ints (7 ** 2**64, factorial(2**31)): slow, not unsafe
    "pow",
    "factorial",
    "comb",
    "perm",
}

_seed = [1]


def rand(n):
    # a small LCG: the same choices on every run of a seed
    _seed[0] = (_seed[0] * 1103515245 + 12345) & 0x7FFFFFFF
    return _seed[0] % n


def gen():
    yield 1
    yield 2


class Plain:
    pass


class Sub(list):
    pass


def values():
    """Fresh argument values of every kind (mutating calls cannot leak between targets)."""
    v = [
        None,
        True,
        False,
        0,
        1,
        -1,
        7,
        255,
        2**31,
        2**64,
        -(2**70),
        "",
        "abc",
        "é€😀",
        b"",
        b"ab\x00",
        (),
        (1, "a"),
        [],
        [3, 1, 2],
        {},
        {"a": 1},
        range(3),
        slice(1, 5, 2),
        object(),
        Plain(),
        Sub([1]),
        int,
        str,
        Plain,
        len,
        lambda *a: 0,
        iter([1, 2]),
        gen(),
        ValueError("x"),
        Exception,
        ...,
    ]
    for make in (
        lambda: 0.0,
        lambda: 1.5,
        lambda: -2.5,
        lambda: float("inf"),
        lambda: float("nan"),
        lambda: complex(1, 2),
        lambda: bytearray(b"xy"),
        lambda: set(),
        lambda: {1, 2},
        lambda: frozenset([1]),
        lambda: memoryview(b"abc"),
        lambda: memoryview(bytearray(b"abcd")),
        lambda: {1: 2}.keys(),
        lambda: enumerate([1]),
        lambda: zip([1]),
        lambda: map(abs, [1]),
        lambda: reversed([1]),
    ):
        try:
            v.append(make())
        except Exception:
            pass  # a feature this build leaves out
    return v


# type -> (f, args) of the first call that returned one: how to make more instances of
# types that no module names (a compiled pattern, a match, a hash object...)
made = {}


def call(f, args):
    try:
        r = f(*args)
    except BaseException as e:
        if isinstance(e, (SystemExit, KeyboardInterrupt)):
            raise
        return
    if isinstance(r, dict) and "fuzz" in r:
        return  # globals()/vars(): this program's namespace is no sample to mutate
    t = type(r)
    if t not in made:
        made[t] = (f, args)


def fuzz(name, f):
    """f() and f(a) for every a; a sample of f(a, b) and f(a, b, c)."""
    print("@", name)
    call(f, ())
    for a in values():
        call(f, (a,))
    v = values()
    n = len(v)
    for _ in range(48):
        call(f, (v[rand(n)], v[rand(n)]))
    for _ in range(16):
        call(f, (v[rand(n)], v[rand(n)], v[rand(n)]))


def methods(t):
    names = []
    try:
        names = dir(t)
    except Exception:
        pass
    return [m for m in names if m not in SKIP and not m.startswith("__")]


def fuzz_type(tname, t, instances):
    for m in methods(t):
        try:
            meth = getattr(t, m)
        except Exception:
            continue
        if not callable(meth) or isinstance(meth, type):
            continue
        # through the type, with a receiver of every kind
        print("@", tname + "." + m, "(receivers)")
        v = values()
        for r in v:
            call(meth, (r,))
            call(meth, (r, v[rand(len(v))]))
        # on instances of the type
        for inst in instances():
            try:
                bound = getattr(inst, m)
            except Exception:
                continue
            fuzz(tname + "." + m, bound)


def instances_of(t):
    """A function giving fresh instances of [t]: the sample values of that type, and what
    t() and t(a) return for every sample a."""

    def make():
        out = [x for x in values() if type(x) is t]
        if t in made:
            f, args = made[t]
            try:
                out.append(f(*args))
            except Exception:
                pass
        try:
            out.append(t())
        except Exception:
            pass
        for a in values():
            try:
                x = t(a)
            except Exception:
                continue
            if type(x) is t:
                out.append(x)
                if len(out) >= 4:
                    break
        return out

    return make


def main():
    _seed[0] = int(sys.argv[1])
    mods = [builtins]
    for name in sys.argv[2:]:
        try:
            mods.append(__import__(name))
        except Exception:
            pass
    types = {}
    for mod in mods:
        mname = mod.__name__
        for name in dir(mod):
            if name in SKIP or name.startswith("__"):
                continue
            try:
                obj = getattr(mod, name)
            except Exception:
                continue
            if isinstance(obj, type):
                types[mname + "." + name] = obj
            elif callable(obj):
                fuzz(mname + "." + name, obj)
    for t in [type(x) for x in values()] + list(made):
        if t not in types.values():
            types["type(" + t.__name__ + ")"] = t
    for tname in sorted(types):
        t = types[tname]
        fuzz_type(tname, t, instances_of(t))
    print("@ done")


main()
