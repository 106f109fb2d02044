# typing: the names a program with type hints imports. Annotations are never evaluated here
# (the compiler drops them, as mpy-cross does), so each name only has to exist and to survive
# what code does with it outside annotations: List[int], Optional[str], X | None, TypeVar("T"),
# a Protocol or Generic[T] base class, cast(), @overload. Any other name of the module is
# found too (a module __getattr__), as a stand-in of the same kind.


class _Hint:
    # a typing name at run time: subscripting it, calling it or | with it gives it back
    def __init__(self, name):
        self.__name__ = name

    def __getitem__(self, item):
        return self

    def __call__(self, *args, **kwargs):
        return self

    def __or__(self, other):
        return self

    def __ror__(self, other):
        return self

    def __repr__(self):
        return "typing." + self.__name__


class _Base:
    # a base class a typing name stands for (class P(Protocol), class C(Generic[T]))
    def __class_getitem__(cls, item):
        return cls


class Protocol(_Base):
    pass


class Generic(_Base):
    pass


TYPE_CHECKING = False


def TypeVar(name, *constraints, **options):
    return _Hint(name)


def NewType(name, tp):
    # a callable that gives its argument back, as CPython's NewType does at run time
    def new_type(value):
        return value

    new_type.__name__ = name
    return new_type


def cast(typ, value):
    return value


def _same(f):
    return f


overload = final = runtime_checkable = no_type_check = _same


def get_type_hints(obj, globalns=None, localns=None):
    return {}


def __getattr__(name):
    # Any, Union, Optional, List, Dict, Callable, Iterable, Sequence, Mapping, Literal...
    hint = _Hint(name)
    globals()[name] = hint
    return hint
