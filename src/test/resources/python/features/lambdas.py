l0 = lambda: 0
l1 = lambda x: x
l2 = lambda x, y=1: x + y
l3 = lambda *args: args
l4 = lambda **kwargs: kwargs
l5 = lambda a, /, b, *, c: (a, b, c)
l6 = lambda a=1, /, b=2, *args, c=3, d, **kw: None
l7 = lambda *, k: k
l8 = lambda x: lambda y: x + y
l9 = lambda x: (yield)
l10 = lambda: (x for x in range(3))
l11 = lambda x=lambda: 1: x()
l12 = lambda a, b,: a
l13 = (lambda: 1)()
sorted(items, key=lambda item: (item[1], -item[0]))
