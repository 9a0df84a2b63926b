x: int
y: int = 0
z: list[int] = []
(p): int = 1
(q): str
obj.attr: int
obj.attr: int = 5
items[0]: str = "first"
items[0]: str
complex_annotation: dict[str, list[tuple[int, ...]]] | None = None
callable_annotation: Callable[[int, str], bool]
string_annotation: "Forward"
starred_value: tuple = *a, *b
yielded: int


class C:
    field: int
    default: str = "x"
    classvar: ClassVar[int] = 0


def f(a: int, b: "str" = "x", *args: tuple, **kwargs: dict) -> list[int]:
    local: int = 1
    return [local]


def g() -> None: pass
