def generator():
    yield
    yield 1
    yield 1, 2
    yield from range(10)
    x = yield
    y = yield 2
    z = yield from other()
    print((yield))
    w = (yield 1), (yield 2)
    yield *a, b
    return (yield from x)


def send_receive():
    received = yield "ready"
    while True:
        received = yield received * 2
