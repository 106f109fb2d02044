# requires: MODULE_OS GENERATORS STR_FORMAT
# os.uname() is a tuple of five strings that also has names for its fields: it indexes,
# slices, unpacks, counts and feeds %-formatting like any tuple.
import os

u = os.uname()
names = ("sysname", "nodename", "release", "version", "machine")
print(isinstance(u, tuple), len(u), all(isinstance(f, str) for f in u))
print([getattr(u, n) == u[i] for i, n in enumerate(names)])
print(u[-1] == u.machine, u[1:3] == (u.nodename, u.release), list(u) == list(u[:]))
sysname, nodename, release, version, machine = u
print(machine == u.machine, u.index(u.sysname), u.count(u.version) >= 1)
print(("%s|" * len(u)) % u == "|".join(u) + "|", "%s-%s-%s-%s-%s" % u == "-".join(u))
print(tuple(u) == tuple(getattr(u, n) for n in names), str(u).find("machine=") > 0)
try:
    "%s %s" % u
except TypeError as e:
    print("TypeError")
