# requires: GENERATORS ASYNC BUILTIN_HELPERS COMPILER_INTROSPECTION
# A generator's (and a coroutine's, an async generator's) __name__ and __qualname__ are its
# function's; gi_running is true only while its body runs; gi_code is its function's code.
def gen():
    yield gen_obj.gi_running


gen_obj = gen()
print(gen_obj.__name__, gen_obj.__qualname__, gen_obj.gi_running)
print(next(gen_obj), gen_obj.gi_running)


class C:
    def m(self):
        yield 2

    async def am(self):
        yield 3

    async def co(self):
        return 4


print(C().m().__name__, C().m().__qualname__)
print(C().am().__name__, C().am().__qualname__)
c = C().co()
print(c.__name__, c.__qualname__)
c.close()
print((x for x in ()).__name__, (x for x in ()).__qualname__)


def outer():
    def inner():
        yield

    return inner()


print(outer().__name__, outer().__qualname__)
print(gen_obj.gi_code.co_name, gen_obj.gi_code.co_firstlineno)
print(hasattr(gen_obj, "__code__"), hasattr(gen_obj, "nope"))
try:
    gen_obj.nope = 1
except AttributeError:
    print("AttributeError")
