# requires: MODULE_OS MODULE_OS_PATH BUILTIN_OPEN STR_UNICODE
# os.path as CPython's posixpath for str paths: the three ways to reach it, the pure path
# functions on awkward inputs, the file tests in a scratch directory, argument errors.
import os.path
import os
from os import path

print(os.path is path, path.sep, path.join is os.path.join)

for p in ['', '/', '//', '///', 'a', '/a', 'a/', 'a/b', '/a/b/', 'a//b', '//a//b//', '.', '..',
          'a/.', 'a/..', '.bashrc', 'a/.bashrc', 'a.b/c', 'a/b.c', 'a/b.c.d', 'a/..c', 'a/b..',
          '...', 'x/...', '/a/./b/../../c', '../../a/../b', '/../x', '//../x', '///a/b/..',
          'a/b/c/../../..', 'a/b/../../../..', './../.', 'é/ü.txt']:
    print(repr(p), path.split(p), path.basename(p), path.dirname(p), path.splitext(p),
          path.isabs(p), repr(path.normpath(p)))

print(path.join('a'), path.join('a', 'b', 'c'), path.join('a/', 'b'), path.join('a', '/b', 'c'),
      path.join('', 'a'), path.join('a', ''), path.join('', ''), path.join('/', 'x'))

cwd = os.getcwd()
print(path.abspath('x') == cwd + '/x', path.abspath('.') == cwd, path.abspath('/a/../b/.'),
      path.abspath('sub/../y') == path.join(cwd, 'y'))

os.mkdir('os_path_scratch')
with open('os_path_scratch/f.txt', 'w') as f:
    f.write('x')
for p in ['os_path_scratch', 'os_path_scratch/f.txt', 'os_path_scratch/none', 'nowhere/f']:
    print(p, path.exists(p), path.isdir(p), path.isfile(p))
os.remove('os_path_scratch/f.txt')
os.rmdir('os_path_scratch')
print(path.exists('os_path_scratch'))


def attempt(fn, *args):
    try:
        print(fn(*args))
    except TypeError as e:
        print(fn.__name__, 'TypeError', e)


attempt(path.basename, 1)
attempt(path.split, None)
attempt(path.join, 'a', 1)
attempt(path.join, 2, 'a')
attempt(path.normpath, [])
attempt(path.exists, None)
