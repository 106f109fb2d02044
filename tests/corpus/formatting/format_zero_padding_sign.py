# requires: STR_FORMAT
for v in (0, 5, -5, 123456):
    print("{:08}|{:+08}|{:-08}|{: 08}|{:08x}|{:#010x}|{:#010b}".format(v, v, v, v, v & 0xFFFF, v & 0xFFFF, v & 0xFF))
