name = "world"
width = 10
precision = 3
value = 12.34567

plain = f"hello"
simple = f"hello {name}!"
conversions = f"{name!r} {name!s} {name!a}"
spec = f"{value:.2f} {value:>{width}} {value:{width}.{precision}f}"
debug = f"{name=} {value = :.1f} {width=!r} {name=!s:>20}"
escaped_braces = f"{{literal}} {{{name}}} }}{{"
expressions = f"{1 + 2} {[x for x in range(3)]} {name.upper()} {value if value else 0}"
dict_access = f"{data['key']} {data["key"]}"
raw = rf"\d+{name}\n" + fr"{name}\t" + Rf"{name}" + fR"{name}" + F"{name}"
triple = f"""multi
line {name}
  text {value:
>10}"""
single_quotes = f'{name!r:^{width}}'
empty_expr_parts = f"{name}{name}" f"" f"{name}"
lambda_in_fstring = f"{(lambda x: x * 2)(3)}"
dict_in_fstring = f"{ {'a': 1}['a'] }"
spaces = f"{  name  }"
datetime_spec = f"{now:%Y-%m-%d %H:%M}"
escapes = f"tab\there {name}\n newline \x41 \N{BULLET} \u00e9"
conversion_then_spec = f"{value!r:>20}"
tuple_expr = f"{1, 2}"
starred_expr = f"{*items,}"
yield_like_colon = f"{name:}"
bang_neq = f"{1 != 2}"
