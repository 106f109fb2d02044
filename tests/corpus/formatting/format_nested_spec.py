# requires: STR_FORMAT
for w in (3, 6, 9):
    print("[{:>{}}] [{:{fill}^{width}}] [{:{}{}}]".format("ab", w, "cd", "ef", "<", w, fill="-", width=w))
print("[{0:{1}}]".format("x", 4), "[{:{w}d}]".format(7, w=5))
