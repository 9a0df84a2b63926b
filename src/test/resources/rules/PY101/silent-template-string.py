# A template string (Python 3.14) is a Template, not a string: eval() and exec() refuse it with a
# TypeError, so no code runs.


def total(expression):
    return eval(t"{expression} + 1")


def assign(value):
    source = t"result = {value}"
    exec(source)
