a < b
a < b < c
a == b != c
a <= b >= c > d
a is b
a is not b
a in b
a not in b
a is not b not in c
1 < x <= 10 == y != z is None is not True in w not in v
not a == b
a < b and b < c or not c
(a < b) < c
a < (b < c)
x == (y == z)
