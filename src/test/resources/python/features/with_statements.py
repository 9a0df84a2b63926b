with open("a") as f:
    pass
with open("a") as f, open("b") as g:
    pass
with (
    open("a") as f,
    open("b") as g,
):
    pass
with (open("a") as f, open("b")):
    pass
with (open("a")):
    pass
with (a, b):
    pass
with (a, b) as (c, d):
    pass
with a as (x, y), b as [z, *w]:
    pass
with a as obj.attr, b as items[0]:
    pass
def gen():
    with (yield):
        pass
    with (yield x) as y:
        pass
with (
    lock
):
    pass
with ctx() as (x):
    pass
