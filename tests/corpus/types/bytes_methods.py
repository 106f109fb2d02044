# requires: STR_FORMAT
b = b"  Mixed Case 123  "
print(b.strip(), b.lstrip(), b.rstrip(), b.lower(), b.upper())
print(b"a,b,,c".split(b","), b"a b  c".split(), b"x".join([b"1", b"2", b"3"]))
print(b"abc".isalpha(), b"123".isdigit(), b" ".isspace(), b"ab".isupper(), b"ab".islower())
print(b"hello".endswith(b"lo"), b"hello".index(b"l"), b"hello".rfind(b"l"))
print(b"ab".center(6, b"*"), b"ab".ljust(4, b"."), b"ab".rjust(4))
print(b"a-b-c".partition(b"-"), b"a-b-c".rpartition(b"-"))
print(b"line1\nline2".splitlines(), b"abc".hex(), bytes.fromhex("4142 43"))
print(b"ab" * 0, b"abc".rsplit(b"b"), b"hello".rindex(b"l"))
