# requires: STR_FORMAT
name = "world"
n = 42
items = [1, 2, 3]
print(f"hello {name}!", f"{n}", f"{n + 1}", f"{items[1]}", f"{len(items)}")
print(f"{name!r}", f"{name:>10}", f"{n:05d}", f"{n:x}", f"{n:#b}")
w = 8
print(f"{name:{w}}|", f"{n:{'>'}{w}}|")
print(f"{{braces}}", f"{'nested quotes'}", f"{n}{n}", f"a{n}b{n}c")
d = {"k": "v"}
print(f"{d['k']}", f"{[x * 2 for x in items]}", f"{'yes' if n else 'no'}")
print(f"{n=}", f"{name=!s}")
