first, *rest = items
*init, last = items
a, *b, c = range(10)
[x, *y] = items
(p, *q) = items
for head, *tail in rows:
    pass
for *front, back in rows:
    pass


def returns():
    return *a, *b
    return 1, *rest


def yields():
    yield *a, b


combined = [*a, *b, 1]
as_set = {*a, *b}
as_tuple = *a, *b
single = *a,
call(*args, *more, x, *extra, key=1, **kwargs, **more_kwargs)
matrix[*indices]
matrix[1, *indices]
matrix[*indices, 2]
matrix[*indices] = 0
del matrix[1]
print(*[1, 2], sep="")
