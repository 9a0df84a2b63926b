type Point = tuple[float, float]
type ListOrSet[T] = list[T] | set[T]
type Recursive[T] = T | list[Recursive[T]]
type WithDefault[T = int] = dict[str, T]
type = 5
type.attr = 6


def first[T](items: list[T]) -> T:
    return items[0]


def bounded[T: (int, str), U: float, *Ts, **P](x: T, *args: *Ts) -> U:
    ...


def with_defaults[T = int, *Ts = *tuple[int, ...], **P = [int, str]](x: T) -> None:
    ...


def bound_and_default[T: int = bool](x: T) -> T:
    return x


class Box[T]:
    def get(self) -> T:
        ...


class Mapping[K: str, V](dict[K, V], metaclass=Meta):
    pass


class Variadic[*Ts, **P = ...]:
    pass


async def afirst[T](xs: list[T]) -> T:
    return xs[0]


type Trailing[A, B,] = tuple[A, B]
