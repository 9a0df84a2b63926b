total = (1 +
         2 +
    3)
items = [
    1,
    2,  # comment inside brackets
        3,
]
mapping = {
    "a": 1,

    "b": 2,
}
call(arg1,
     arg2,
# a comment at column zero inside brackets
     kw=(
         nested
     ))
s = ("implicitly "
     "concatenated "
  "string")
if (a and
        b):
    pass
def f(
    x,
    y):
    return [x
            for x
            in y]
