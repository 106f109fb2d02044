# requires: MODULE_RE
import re

for bad in ['*', '(', '[a', ')', 'a**', r'\q', 'a{3,2}', '(?P<n>a)(?P<n>b)', '(?P=x)', r'\2(a)', '(?Z)', 'a|*', '+a']:
    try:
        re.compile(bad)
        print(bad, 'compiled')
    except re.error as e:
        print(repr(bad), 'error:', e)
for call in (lambda: re.sub('a', r'\3', 'a'), lambda: re.sub('(a)', r'\g<x>', 'a'), lambda: re.match('a', 'a').group(2),
             lambda: re.match(b'a', 'a'), lambda: re.match('a', b'a')):
    try:
        call()
    except (re.error, IndexError, TypeError) as e:
        print(type(e).__name__)
print(issubclass(re.error, Exception))
