import os


def f(a,
      b):
    x = """line one
line two"""
    return a + \
        b


class C:
    pass
# trailing comment
