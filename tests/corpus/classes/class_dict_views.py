# A class's __dict__ (with __doc__ None when there is no docstring), a builtin type's
# __dict__ (a read-only mapping of its methods), and type() with a dict subclass.
class Foo:
    a = 1

    def b(self):
        return 2


print(sorted([k for k in Foo.__dict__ if not k.startswith('__')]), Foo.__dict__['a'], Foo.__doc__)
print('__doc__' in Foo.__dict__, Foo.__dict__['__doc__'], Foo().__doc__, Foo.__dict__ == {'a': 1})
print(Foo.__dict__ == {'a': 1, 'b': Foo.b, '__qualname__': 'Foo', '__module__': '__main__'})


class D(dict):
    pass


d = D(x=1)
d['y'] = 2
T = type('T', (), d)
print(T.x, T.y, sorted([k for k in T.__dict__ if not k.startswith('_')]), '__doc__' in d, T.__doc__)
for t in (int, str, list, dict, object, type):
    v = t.__dict__
    print(t.__name__, type(v).__name__, v == {}, len(v) > 0)
print('to_bytes' in int.__dict__, 'append' in list.__dict__, 'nope' in list.__dict__, hasattr(int, '__dict__'))
for bad in (lambda: list.__dict__.pop('append'), lambda: int.__dict__.clear()):
    try:
        bad()
        print('no error')
    except (TypeError, AttributeError) as e:
        print(type(e).__name__)
print(hasattr(list, 'append'))
