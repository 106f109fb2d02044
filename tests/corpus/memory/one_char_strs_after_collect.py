# requires: MODULE_GC
# One-character strs (iteration, s[i], chr()) after a collection released their qstrs and new
# names took the entries: each still reads as its own character (CONFIG_QSTR_COLLECT with
# CONFIG_VM_FAST_PATHS' cache of them).
import gc

text = "".join([chr(i) for i in range(128)])


class O:
    pass


for r in range(3):
    chars = [c for c in text]
    del chars
    gc.collect()
    o = O()
    for i in range(300):
        setattr(o, "n" + str(r) + "_" + str(i), i)
    again = [c for c in text]
    print(r, "".join(again) == text, [ord(c) for c in again] == list(range(128)), len({c: 0 for c in again}))
    print([text[i] for i in range(60, 70)], [chr(i) for i in range(120, 128)])
    del o, again
    gc.collect()
