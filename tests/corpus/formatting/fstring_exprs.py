# requires: STR_FORMAT
a, b = 6, 7
items = {"x": [1, 2, 3]}
print(f"{a * b}", f"{a}{b}", f"{a!r:>4}", f"{'str'!r}", f"{items['x'][-1]}")
print(f"{a if a > b else b}", f"{[i * a for i in range(3)]}", f"{[a][0]}")
print(f"{len(items)=}", f"{a=}", f"{a+b=:>6}", f"{a=!r:>4}")
name = "Zed"
print(f"{name.upper()} {name[::-1]} {name:*^9} {name!s:.1}")
print(f"""multi
{a}
line""")
