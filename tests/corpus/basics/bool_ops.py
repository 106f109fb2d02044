print(True and False, True or False, not True, not 0, not [])
print(0 or 5, 3 and 4, 0 and 1 // 0, 1 or 1 // 0)
print([] or {} or "x", "" and "y", None or 0)
def t(v):
    print("eval", v)
    return v
print(t(1) and t(0) and t(2))
print(t(0) or t("") or t(3) or t(4))
print(True + True, True * 3, False - 1)
print(bool(0), bool(1), bool(-1), bool(""), bool("a"), bool(()), bool((0,)))
