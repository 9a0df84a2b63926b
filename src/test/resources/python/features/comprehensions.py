squares = [x * x for x in range(10)]
evens = [x for x in range(10) if x % 2 == 0]
pairs = [(x, y) for x in range(3) for y in range(3) if x != y]
filtered = [x for x in data if x if x > 0 if not x % 3]
nested = [[c for c in row] for row in matrix]
multi = [a + b for a in xs if a for b in ys if b if a != b]
unique = {x % 3 for x in range(10)}
set_multi = {(a, b) for a in xs for b in ys}
mapping = {k: v for k, v in items.items()}
dict_filtered = {k: v for k, v in items if k if v for _ in range(1)}
gen = (x for x in range(10))
gen_multi = (x * y for x in xs if x for y in ys)
summed = sum(x for x in range(10))
call_with_gen = f(x for x in y)
tuple_target = [a for (a, b) in pairs]
list_target = [a for [a, b] in pairs]
starred_target = [rest for first, *rest in rows]
attribute_target = [None for obj.attr in values]
conditional = [x if x else -x for x in values]
lambda_in = [lambda: x for x in range(3)]
ternary_iter = [x for x in (a if c else b)]
walrus_if = [y for x in xs if (y := x)]
