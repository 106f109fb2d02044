# requires: FROZEN_PKG_TYPING FLOAT BUILTIN_HELPERS
# A program written with type hints runs: typing's names import (any of them), hints in
# annotations cost nothing at run time, and what code does with the names outside
# annotations works: aliases built by subscripting, TypeVar, NewType, cast, overload,
# TYPE_CHECKING, and Protocol and Generic[T] as base classes.
from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    Dict,
    Generic,
    Iterable,
    List,
    NewType,
    Optional,
    Protocol,
    Tuple,
    TypeVar,
    Union,
    cast,
    overload,
)
import typing

if TYPE_CHECKING:
    print("never printed: TYPE_CHECKING is false at run time")

T = TypeVar("T")
Pair = Tuple[int, int]
Table = Dict[str, List[Optional[int]]]
Handler = Callable[[int, str], None]
UserId = NewType("UserId", int)


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> T:
        return self.items.pop()


class Greeter(Protocol):
    def greet(self, who: str) -> str: ...


class English:
    def greet(self, who: str) -> str:
        return "hello " + who


def total(values: Iterable[Union[int, float]], scale: Optional[float] = None) -> float:
    s = sum(values)
    return s * scale if scale is not None else s


def first(xs: List[Any]) -> Any:
    return xs[0]


@overload
def double(x: int) -> int: ...


def double(x):
    return x * 2


s = Stack()
s.push(1)
s.push("two")
print(s.pop(), s.pop())
print(issubclass(Stack, Generic), isinstance(English(), English))
print(English().greet("world"))
print(total([1, 2, 3]), total([1, 2], 1.5))
print(first(["a", "b"]), double(21))
uid = UserId(7)
print(uid, type(uid).__name__)
print(cast(List[int], [3, 4]), cast(str, 5))
print(typing.Sequence is typing.Sequence, callable(typing.Mapping))
print(Pair is not None, Table is not None, Handler is not None)
