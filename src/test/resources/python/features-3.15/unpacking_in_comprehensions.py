"""Unpacking in comprehensions (PEP 798): *x in list, set and generator ones, **m in dict ones."""

rows = [[1, 2], [3], []]
maps = [{"a": 1}, {"b": 2}]

flat = [*row for row in rows]
unique = {*row for row in rows if row}
lazily = (*row for row in rows)
merged = {**m for m in maps}
spaced = [*  row   for row in rows]
nested = [*[*r for r in row] for row in [rows]]
chained = [*row for group in [rows] for row in group if len(row) > 1]
computed = [*(row + [0]) for row in rows]
unary = [*-n for n in [[1]]]
awaited = None


async def collect(source):
    return [*await chunk async for chunk in source], {**await m for m in maps}


total = sum(*row for row in rows)
joined = "".join(*name for name in [["a", "b"]])
spread = print(* row for row in rows)
either = (*row or [0] for row in rows)
picked = (*row if row else [0] for row in rows)
loose = (*not row for row in [[]])
either_map = {**m or {} for m in maps}
picked_map = {**m if m else {} for m in maps}
negated_map = {**not m for m in [[]]}
combined_map = {**(m | {"c": 3}) for m in maps}
multi_line = [
    *row
    for row in rows
]
multi_line_map = {
    **m
    for m in maps
}
café = {*"é" + row for row in ["ü"]}
after = [*r for r in rows] + [*r for r in rows]
