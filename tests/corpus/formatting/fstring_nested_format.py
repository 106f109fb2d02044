# requires: STR_FORMAT
width, prec = 10, 3
val = 12345
print(f"[{val:{width}}]", f"[{val:<{width}}]", f"[{val:^{width}x}]", f"[{'s':{'>'}{width}}]")
for w in range(2, 6):
    print(f"{w:>{w}}|{'#' * w:<{7}}|")
d = {"k": 1}
print(f"{d['k']:03}", f"{{{val}}}", f"{'<'}{val}{'>'}")
