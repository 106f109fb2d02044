# requires: COMPILER GENERATORS MODULE_SYS COMPILER_INTROSPECTION
# What a test of code objects reads besides the parameters: co_names (the global, attribute
# and imported names the code itself uses, each once, in the order met; a nested function's
# own are in its code), co_flags' varargs/varkeywords/generator bits, co_nlocals (the local
# variables, parameters included), co_posonlyargcount.
import sys


def uses(a, b):
    total = len(a) + b.real
    sys.stdout.write(str(total))
    return total.bit_length() + len(a)


def nested():
    def inner():
        return sorted(items)

    return inner


def varargs(*args):
    return args


def varkw(**kw):
    return kw


def both(x, *args, key=None, **kw):
    local = x
    return local


def gen(n):
    for i in range(n):
        yield i


def stores():
    global counter
    counter = 1
    del counter


print(uses.__code__.co_names)
print(nested.__code__.co_names, nested().__code__.co_names)
print(stores.__code__.co_names)
print(varargs.__code__.co_names)
for f in (uses, nested, varargs, varkw, both, gen):
    flags = f.__code__.co_flags
    print(f.__name__, bool(flags & 4), bool(flags & 8), bool(flags & 0x20), f.__code__.co_nlocals)
print(both.__code__.co_posonlyargcount, gen.__code__.co_posonlyargcount)
