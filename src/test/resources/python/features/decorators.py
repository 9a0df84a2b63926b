import functools


@functools.lru_cache(maxsize=None)
def cached(n):
    return n


@staticmethod
@property
def stacked():
    pass


class Registry:
    handlers = [lambda f: f, lambda f: f]

    @handlers[0]
    def first(self):
        ...

    @(lambda fn: fn)
    def inline(self):
        ...

    @handlers[1] if handlers else None
    def conditional(self):
        ...

    @x := functools.wraps
    def walrus_decorator(self):
        ...

    @a.b.c.d(1)(2)
    async def chained_calls(self):
        ...


@dataclass(frozen=True)
class Point:
    x: int
    y: int
