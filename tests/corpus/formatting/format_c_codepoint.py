# requires: STR_FORMAT STR_UNICODE
print(repr("%c" % 0x1F40D), repr("{:4c}".format(48)), repr("{:<4c}".format(0x1F40D)), repr("%3c" % 65))
print(len("%c" % 0x10FFFF), "%c" % 0xE9)
for bad in (0x110000, -1):
    try:
        "%c" % bad
    except OverflowError:
        print("OverflowError")
