# requires: MODULE_RE
import re

print(re.match(r'(\d+)-(\d+)', '12-345 x').groups(), re.match(r'\d+', 'x12'), re.search(r'\d+', 'x12').group())
m = re.search(r'(?P<word>[a-z]+)\s+(?P<num>\d+)', 'xx Hello abc  42!')
print(m, m.group('word'), m.group(2), m.group(0, 1), m.span(), m.span(2), m.start('num'), m.end(), m.groupdict())
print(m.string, m.re, m.pos, m.endpos, m.lastindex, m.lastgroup, m[1], m['num'], m.regs)
print(re.fullmatch(r'a.c', 'abc'), re.fullmatch(r'a.c', 'abcd'), re.fullmatch(r'a|ab', 'ab'))
print(re.match('a+?', 'aaa').group(), re.match('a{2,3}', 'aaaa').group(), re.match('a{2,3}?', 'aaaa').group(), re.match('a{2}', 'aaa').group())
print(re.match('a{,2}', 'aaa').group(), re.match('a{2,}', 'aaaaa').group(), re.match('x{', 'x{').group(), re.match('a*?b', 'aab').group())
print(re.search('^b', 'a\nb'), re.search('^b', 'a\nb', re.M), re.search('a$', 'a\nb'), re.search('a$', 'a\nb', re.M), re.search('b$', 'ab\n'))
print(re.search(r'colou?r', 'The COLOR', re.I), re.search(r'[a-z]+', 'ABC def', re.IGNORECASE).group())
print(re.compile(r'(a)(b)?').match('ac').groups('-'), re.compile(r'(a)(b)?').match('ac').groups())
print(re.match(r'(a|ab)(c|bcd)(d*)', 'abcd').groups(), re.match(r'(?:ab)+', 'ababx').group())
print(re.search(r'\bfoo\b', 'a foo. b'), re.search(r'\Bfoo', 'afoo'), re.search(r'\bfoo', 'afoo'))
print(re.match(r'(\w+) \1', 'hey hey you').group(), re.match(r'(?P<q>[\'"]).*?(?P=q)', '"hi" there').group())
print(re.search(r'foo(?=bar)', 'foobaz foobar').span(), re.search(r'foo(?!bar)', 'foobar foobaz').span())
print(re.match(r'[^a-c]+', 'xyzabc').group(), re.match(r'[\d.]+', '3.14x').group(), re.match(r'[]a]+', 'a]a]b').group(), re.match(r'[a-]+', 'a--b').group())
print(re.match(r'\s*(\S+)\s*', '  word  ').group(1), re.match(r'\W+', '!? a').group(), re.match(r'\D+', 'ab1').group())
print(re.match(r'(a*)*b', 'aaab').groups(), re.match(r'(a*)+b', 'b').groups(), re.match(r'(a|b)*c', 'abac').groups())
print(re.match(r'x*', 'abc'), re.search('$', 'ab\n').span(), re.match(r'', '').span())
print(re.compile(r'''
   (\d+)   # number
   \s*     # spaces
''', re.X).match('12  x').group(1))
print(re.search(r'(?i)hello', 'say HeLLo').group(), re.search(r'a(?i:B)c', 'aBc'), re.search(r'a(?i:B)c', 'aBC'))
print(re.match('.', '\n'), re.match('.', '\n', re.S), re.match(r'\A\w+\Z', 'abc'), re.search(r'\Aa', 'ba'))
print(re.match(r'\x41\t\n\\', 'A\t\n\\').span(), re.match(r'[\x30-\x39]+', '123a').group(), re.match(r'\.\*\+', '.*+').group())
p = re.compile(r'\d+')
print(p.match('a12b', 1), p.match('a12b', 1, 2), p.search('a12b34', 3), p.fullmatch('12'), p.search('12345', endpos=2))
print(p, p.pattern, p.flags, p.groups, re.compile('(a)(?P<n>b)').groups, re.compile('(a)(?P<n>b)').groupindex)
print(re.compile('a+', re.I | re.M), re.compile('x', re.S | re.X), re.compile(p) is p, p == re.compile(r'\d+'))
print(re.match(r'a++b', 'aaab'), re.match(r'a++a', 'aaa'), re.match(r'(?>a|ab)c', 'abc'), re.match(r'(?:a|ab)c', 'abc').group())
print(re.match(r'\d*+\.', '12.5').group(), re.match(r'(?>(\w+))!', 'hey!').groups(), re.fullmatch(r'[ab]{1,3}+b', 'abab'))
