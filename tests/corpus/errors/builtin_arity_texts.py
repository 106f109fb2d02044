# requires: BUILTIN_SET BUILTIN_HELPERS ERROR_MSG_DETAILED
# The texts of calls of builtin functions and methods with too few or too many positional
# arguments, as CPython: a method counts its arguments without self and names its type
# ("list.append() takes exactly one argument (0 given)"), bound or called through its type;
# fixed counts of two or more and ranges say "expected".


def t(f, *args):
    try:
        f(*args)
        print('no error')
    except TypeError as e:
        print(e)


s, l, d, st = 'abc', [1], {1: 2}, {1}
t(l.append)
t(l.append, 1, 2)
t(list.append, l)
t(list.append)
t(l.insert)
t(l.insert, 1, 2, 3)
t(l.pop, 1, 2)
t(l.index)
t(l.clear, 1)
t(s.join)
t(s.lower, 1)
t(str.lower, s, 1)
t(s.replace)
t(s.replace, 'a')
t(s.replace, 'a', 'b', 1, 2)
t(s.center)
t(s.center, 1, 2, 3)
t(s.strip, 1, 2)
t(s.partition)
t(st.add)
t(st.issubset, 1, 2)
t(d.keys, 1)
t(d.get)
t(d.pop, 1, 2, 3)

t(abs)
t(abs, 1, 2)
t(len, 1, 2)
t(globals, 1)
t(divmod)
t(divmod, 1, 2, 3)
t(isinstance, 1)
t(setattr)
t(eval)
t(iter)
t(next)
t(dir, 1, 2)
t(getattr, 1)
