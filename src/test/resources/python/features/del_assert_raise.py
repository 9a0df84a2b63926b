del x
del x, y
del (x, y), [z]
del a.b, a[0], a[1:2]
del (a)
del [a, b]
del x,
assert x
assert x, "message"
assert (x, "tuple is always true")
assert isinstance(x, int), f"got {type(x)}"
raise
raise ValueError
raise ValueError("message")
raise ValueError("message") from None
raise ValueError("message") from cause
raise Outer from Inner()
