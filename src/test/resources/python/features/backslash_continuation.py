total = 1 + \
    2 + \
        3
if a and \
   b:
    pass
with open("a") as f, \
     open("b") as g:
    pass
assert x, \
    "message"
x = "string with \
continued contents"
y = 1 \
; z = 2
from os import \
    path
del a, \
  b
value = \
\
    10
