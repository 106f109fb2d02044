# requires: MODULE_RE
# Long subjects: the backtracking stack moves to the heap; simple repeats use one entry.
import re

long = 'ab' * 150 + 'c'
print(re.match(r'(a|b)*c', long).span(), re.match(r'(?:a|b)*?c', long).end(), len(re.findall(r'[ab]', long)), re.search(r'(\w)\1', 'x' * 300 + 'yy').span())
print(re.match(r'(?=(a+))a*b', 'a' * 200 + 'b').span(), re.sub(r'b+', 'B', 'abbbcbb' * 50)[:20], len(re.split(r'a', long)))
line = 'key=' + 'v' * 2000
print(re.match(r'(\w+)=(.*)', line).end(2), re.match(r'.*?=', line).end(), len(re.search(r'v+$', line).group()), re.fullmatch(r'[a-z=]*', line) is not None)
