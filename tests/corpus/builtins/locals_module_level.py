# requires: BUILTIN_HELPERS
x = 1
print(locals() is globals(), "x" in locals())
