if (n := len(data)) > 10:
    print(n)

while chunk := stream.read(1024):
    process(chunk)

filtered = [y for x in values if (y := transform(x)) is not None]
print(total := sum(values), key=(k := "a"))
item = table[idx := compute()]
pairs = {(k := key(v)): v for v in values if (w := v)}
result = (x := 5)
lst = [z := 1, z + 1]
fn(a, (b := 2), *[c := 3])
assert (m := match(s)), m
print(f"{(q := 10)}")
elems = data[(lo := 1):(hi := 2)]
