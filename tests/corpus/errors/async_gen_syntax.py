# requires: COMPILER GENERATORS ASYNC ERROR_MSG_DETAILED COMPILER_ERROR_DETAIL
# What an async generator may not contain: `yield from`, and `return` with a value
# (a bare return is fine, and so is `return value` in an async def without yield).
sources = [
    "async def f():\n    yield from g()\n",
    "async def f():\n    yield 1\n    return 2\n",
    "async def f():\n    return 3\n    yield\n",
    "async def f():\n    if x:\n        return [1]\n    else:\n        yield 1\n",
    "async def f():\n    yield 1\n    return\n",
    "async def f():\n    await g()\n    return 4\n",
    "async def f():\n    def g():\n        yield from h()\n        return 5\n    yield g\n",
    "async def f():\n    async def g():\n        return 6\n    yield g\n",
    "def f():\n    yield 1\n    return 7\n",
]
for src in sources:
    try:
        exec(src)
        print("compiles")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
