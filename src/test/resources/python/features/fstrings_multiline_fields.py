# PEP 701: a replacement field of a single-quoted f-string may span lines and hold comments.
multi_line_expr = f"Result: {
    sum(
        x
        for x in range(10)  # a comment inside the replacement field
    )
}"
triple_inside = f"{"""inner
triple"""}"
comment_in_field = f"{value  # trailing comment
}"
debug_multiline = f"{
    x
=}"
nested_multiline = f"{f"{
    1 +
    2
}"}"
spec_after_newline = f"{value
    :>10}"
