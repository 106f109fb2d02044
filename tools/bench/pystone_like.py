# A record-and-procedure workload in the spirit of the classic Dhrystone/pystone:
# small objects, attribute access, calls, integer arithmetic and string compares.
class Record:
    def __init__(self, ptr=None, discr=0, enum=0, value=0, text=""):
        self.ptr = ptr
        self.discr = discr
        self.enum = enum
        self.value = value
        self.text = text

    def copy(self):
        return Record(self.ptr, self.discr, self.enum, self.value, self.text)


def proc_a(rec, n):
    local = rec.copy()
    local.value = n + rec.value
    if local.value > 100:
        local.enum = 1
    else:
        local.enum = 2
    return local


def proc_b(a, b):
    c = a + 2
    while c < b:
        c += a
    return c


def func_cmp(s1, s2):
    if s1[2] == s2[3]:
        return 1
    return 0


def main(loops):
    glob = Record(None, 0, 2, 40, "DHRYSTONE PROGRAM, SOME STRING")
    other = Record(glob, 0, 2, 17, "DHRYSTONE PROGRAM, 2'ND STRING")
    total = 0
    arr = [0] * 51
    for i in range(loops):
        r = proc_a(glob, i % 7)
        total += proc_b(i % 5 + 1, 40)
        total += func_cmp(glob.text, other.text)
        arr[i % 51] = r.value + r.enum
        if r.enum == 1:
            glob, other = other, glob
    print(total, sum(arr))


main(20000)
