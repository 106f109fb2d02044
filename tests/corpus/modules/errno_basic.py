# requires: MODULE_ERRNO
import errno

print(errno.EPERM, errno.ENOENT, errno.EIO, errno.EBADF, errno.EAGAIN, errno.ENOMEM, errno.EACCES, errno.EEXIST)
print(errno.ENODEV, errno.EISDIR, errno.EINVAL, errno.ENOSPC, errno.EPIPE, errno.ETIMEDOUT, errno.ECONNRESET)
print(errno.EINPROGRESS, errno.EALREADY, errno.ENOTCONN, errno.ECONNREFUSED, errno.EHOSTUNREACH, errno.EOPNOTSUPP)
print(errno.EWOULDBLOCK == errno.EAGAIN, errno.errorcode[errno.EAGAIN], errno.errorcode[2], errno.errorcode[errno.EDEADLK])
for code in (1, 2, 5, 9, 11, 12, 13, 17, 22, 28, 110, 111, 115):
    print(code, errno.errorcode[code])
try:
    raise OSError(errno.ENOENT, 'nope')
except OSError as e:
    print(e.args[0] == errno.ENOENT, errno.errorcode[e.args[0]])
