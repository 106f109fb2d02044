# requires: MODULE_VFS MODULE_IO MODULE_SYS MODULE_OS BUILTIN_OPEN
# vfs.mount()/os.mount() of a file system written in Python (MicroPython's VFS protocol):
# os.listdir/stat/chdir/getcwd, open() and import go to it for paths under its mount point;
# umount by object; a second mount at one point and bad umounts are refused.
import io
import os
import sys
import vfs

SRC = b"print('module m from', __file__)\nVALUE = 6 * 7\n"


class MemFS:
    def __init__(self):
        self.cwd = "/"
        self.calls = []

    def mount(self, readonly, mkfs):
        print("mount", readonly, mkfs)

    def umount(self):
        print("umount")

    def stat(self, path):
        self.calls.append(path)
        if path in ("/", "/sub", "sub") or path.endswith("/sub"):
            return (0x4000, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        if path.endswith("m.py"):
            return (0x8000, 0, 0, 0, 0, 0, len(SRC), 0, 0, 0)
        raise OSError(2)

    def chdir(self, path):
        self.cwd = path if path.startswith("/") else self.cwd + path + "/"

    def getcwd(self):
        return self.cwd

    def ilistdir(self, path):
        return iter([("m.py", 0x8000, 0), ("sub", 0x4000, 0)])

    def open(self, path, mode):
        print("open", path, mode)
        if "b" in mode:
            return io.BytesIO(SRC)
        return io.StringIO(SRC.decode())

    def mkdir(self, path):
        print("mkdir", path)

    def remove(self, path):
        print("remove", path)

    def rename(self, old, new):
        print("rename", old, new)

    def rmdir(self, path):
        print("rmdir", path)

    def statvfs(self, path):
        return (512, 512, 100, 40, 40, 0, 0, 0, 0, 255)


fs = MemFS()
os.mount(fs, "/mem/")
print([p for _, p in vfs.mount() if p != "/"])
print(os.listdir("/mem"), os.stat("/mem/m.py")[6], os.stat("/mem/sub")[0] == 0x4000)
print(os.statvfs("/mem")[2])
os.mkdir("/mem/d")
os.rename("/mem/a", "/mem/b")
os.remove("/mem/a")
os.rmdir("/mem/d")
try:
    os.rename("/mem/a", "/elsewhere/b")
except OSError as e:
    print("rename across", e.errno)
with open("/mem/m.py") as f:
    print(f.readline().strip())
sys.path.append("/mem")
import m

print("VALUE", m.VALUE)
os.chdir("/mem/sub")
print(os.getcwd())
try:
    os.mount(MemFS(), "/mem")
except OSError as e:
    print("again", e.errno)
vfs.umount(fs)
print([p for _, p in vfs.mount() if p != "/"])
try:
    vfs.umount("/mem")
except OSError as e:
    print("umount again", e.errno)
try:
    vfs.mount(fs, "relative")
except OSError as e:
    print("relative", e.errno)
