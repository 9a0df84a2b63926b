counter = 0


def increment():
    global counter
    counter += 1


def outer():
    value = 0
    other = 1

    def inner():
        nonlocal value, other
        value += 1
        other = 2

    inner()
    return value


def multiple():
    global a, b, c
    a = b = c = 1


class Holder:
    global counter
    counter = 2
