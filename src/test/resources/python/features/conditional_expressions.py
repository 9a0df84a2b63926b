x = a if condition else b
y = (a if c1 else b) if c2 else c
z = a if (b if c else d) else e
w = [i if i > 0 else 0 for i in values]
v = f(a if b else c, key=d if e else f)
u = lambda: a if b else c
t = not a if b else c
s = (yield_value if ready else None)
if a:
    pass
elif b:
    pass
elif c:
    pass
else:
    pass
while x:
    break
else:
    continue_ = 1
for i in range(3):
    if i:
        continue
    break
else:
    pass
