# requires: MODULE_OS PORT_HAS_FILESYSTEM BUILTIN_OPEN
# Directory operations in a scratch directory below the working directory.
import os

top = os.getcwd()
print(type(top).__name__, top.startswith(os.sep))
os.mkdir('scratch')
os.chdir('scratch')
print(os.getcwd() == top + os.sep + 'scratch')
print(os.listdir(), os.listdir('.'))
for name in ('b.txt', 'a.txt', 'c.bin'):
    with open(name, 'w') as f:
        f.write(name * 3)
os.mkdir('sub')
print(sorted(os.listdir()))
print(os.stat('a.txt')[6], os.stat('sub')[0] & 0o170000 == 0o040000)
os.rename('c.bin', 'sub/d.bin')
print(sorted(os.listdir()), os.listdir('sub'))


def attempt(label, fn, *args):
    try:
        fn(*args)
        print(label, 'ok')
    except OSError as e:
        print(label, type(e).__name__, e.errno, e.args[0], isinstance(e, OSError))
        print(' ', e)


attempt('mkdir existing', os.mkdir, 'sub')
attempt('rmdir non-empty', os.rmdir, 'sub')
attempt('remove missing', os.remove, 'nope.txt')
attempt('listdir missing', os.listdir, 'nope')
attempt('listdir file', os.listdir, 'a.txt')
attempt('chdir file', os.chdir, 'a.txt')
attempt('remove dir', os.remove, 'sub')
attempt('rename missing', os.rename, 'nope', 'x')
attempt('open dir', open, 'sub')
attempt('open in missing dir', open, 'nope/x.txt', 'w')
os.remove('sub/d.bin')
os.rmdir('sub')
os.unlink('a.txt')
os.remove('b.txt')
print(os.listdir())
os.chdir('..')
os.rmdir('scratch')
print('scratch' in os.listdir())
try:
    os.mkdir(3)
except TypeError as e:
    print('TypeError')
print(issubclass(FileExistsError, OSError), issubclass(PermissionError, OSError))
print(type(OSError(17, 'File exists')).__name__, type(OSError(13, 'x')).__name__)
print(str(OSError(2, 'No such file or directory', 'f.txt')))
e = OSError(2, 'No such file or directory', 'a', None, 'b')
print(repr(e), e.args, e.errno, e.strerror, e.filename, e.filename2, str(e))
e = OSError(5, 'EIO', None)
print(repr(e), e.args, e.filename, str(e))
e = OSError('plain')
print(e.errno, e.strerror, e.filename, str(e))
try:
    os.rename('no-such-file', 'x')
except FileNotFoundError as e:
    print(e.filename, e.filename2, e.strerror)
