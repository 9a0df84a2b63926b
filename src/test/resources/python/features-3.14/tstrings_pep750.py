from string.templatelib import Template, Interpolation

name = "world"
width = 10
rows = [1, 2]

empty = t""
plain = t"hello"
simple = t"hello {name}!"
upper = T"HELLO {name}"
adjacent = t"{name}{width}"
conversions = t"{name!r} {name!s} {name!a}"
spec = t"{width:>8} {width:{width}.{width}}"
debug = t"{name=} {width = :>4} { name = !s}"
spaced = t"{ name  } {  width}"
concatenated = t"a" t"b{name}" T"c"
raw = rt"\d+{name}\n" + Rt"\w" + tR"{name}\t"
triple = t"""first
{name}
  {width:
>10}"""
nested = t"{t'{name}'} {f'{width}'}"
expressions = t"{width + 1} {[r for r in rows]} {name.upper()} {(lambda x: x)(1)}"
dict_access = t"{ {'k': 1}['k'] }"
walrus = t"{(n := 3)}"
yielded = [t"{x}" for x in rows]
starred = t"{*rows,}"
multiline_field = t"{
    name
}"
commented_field = t"{name # the name
}"
escaped_braces = t"{{literal}} {name} }}{{"
single = t'{name}' t'x'


def render(template):
    return "".join(
        part if isinstance(part, str) else str(part.value) for part in template
    )


def gen():
    yield t"{(yield)}"
