def f0():
    pass


def f1(a, b=1, /, c=2, *, d, e=3, **kwargs):
    pass


def f2(a, /):
    pass


def f3(a, b, /, c):
    pass


def f4(*, a):
    pass


def f5(*args, a, b=2, **kwargs):
    pass


def f6(a: int, b: "str" = "x", /, *args: int, c: float = 1.0, d, **kw: dict) -> bool:
    pass


def f7(a=1, /, b=2, *c, d=4, e, f=6, **g):
    pass


def f8(a, b=2, /, *, c):
    pass


def f9(
    self,
    first,
    second=None,
    *,
    third,
):
    pass


def f10(a,):
    pass


def f11(**kwargs,):
    pass


def f12(*args,):
    pass
