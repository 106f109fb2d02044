# requires: MODULE_RE STR_UNICODE
import re

print(re.findall(r'\w+', 'the quick, brown fox'), re.findall(r'(\w)(\d)', 'a1 b2 c'), re.findall(r'(a)|b', 'ab'))
print(re.findall(r'\d*', 'a12b'), re.findall('', 'ab'), re.findall(r'x', 'abc'))
print([m.span() for m in re.finditer(r'\d+', 'a12b345c6')], [m.group() for m in re.finditer(r'a*', 'baac')])
print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'joe@home and ann@work'), re.sub(r'(?P<x>\w)', r'<\g<x>>', 'ab'), re.sub(r'(\w)', r'\g<1>\g<0>', 'ab'))
print(re.sub('x*', '-', 'abxd'), re.sub('a*', '-', 'baac'), re.sub('', '-', 'ab'), re.sub('b', '', 'abcb'))
print(re.sub(r'\d', lambda m: str(int(m.group()) * 2), 'a1b5'), re.sub('a', r'\n', 'bab') == 'b\nb', re.sub('a', r'\\', 'a'))
print(re.sub('o', '0', 'foo boo', count=2), re.sub('o', '0', 'foo boo', 1), re.subn('o', '0', 'foo boo'), re.subn('z', '', 'ab'))
print(re.sub(r'(a)|b', r'[\1]', 'ab'), re.sub('A', 'x', 'aA', flags=re.I), re.compile('a').sub('b', 'aaa', 2))
print(re.split(r'\W*', 'a b!c'), re.split(r'(,)', 'a,b,c', maxsplit=1), re.split(r'[,;]\s*', 'a, b;c'))
print(re.split(r'x', 'axbxc', 1), re.split('(x)|(y)', 'axbyc'), re.split(r'\s+', ' a b '), re.split('z', 'abc'))
print(re.split('A', 'aAa', flags=re.I), re.compile(r'\d').split('a1b2c', maxsplit=1))
print(re.escape('a.b-c d_e*(x)'), re.escape('plain'), re.escape(b'a.b'))
print(re.findall(rb'\d', b'a1b2'), re.sub(b'a', b'x', b'banana'), re.match(rb'(\w+)', b'hi there').group(1), re.split(rb',', b'a,b'))
print(re.findall(r'é+', 'aéébé'), re.search(r'\w+', 'ça va').group(), re.match(r'.{2}', 'éa').span(), re.sub('é', 'e', 'été'))
print(re.search('b', 'ébc').span(), re.match(r'[à-ÿ]+', 'éèx').group(), [m.start() for m in re.finditer('a', 'éaéa')])
