# requires: BUILTIN_OPEN
with open("corpus_tmp.txt", "w") as f:
    n = f.write("line one\nline two\n")
    f.write("third")
print(n)
with open("corpus_tmp.txt") as f:
    print(repr(f.read()))
with open("corpus_tmp.txt", "r") as f:
    print(f.readline(), end="")
    print(f.readlines())
with open("corpus_tmp.txt", "a") as f:
    f.write("\nappended")
with open("corpus_tmp.txt") as f:
    for line in f:
        print("line:", line.rstrip("\n"))
with open("corpus_tmp.bin", "wb") as f:
    f.write(b"\x00\x01\xff")
with open("corpus_tmp.bin", "rb") as f:
    data = f.read()
print(data, len(data), type(data).__name__)
try:
    open("does_not_exist_corpus.txt")
except OSError as e:
    print(type(e).__name__, e.errno)
