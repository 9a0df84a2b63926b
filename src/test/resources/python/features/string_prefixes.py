plain = "double" + 'single'
triple = """triple double""" + '''triple single'''
raw = r"\d+\s*" + R'\n' + r"""raw
triple"""
byte = b"bytes" + B'BYTES' + b"\x00\xff\n"
raw_bytes = rb"\d" + Rb"\d" + bR"\d" + BR"\d" + br'\x00'
unicode = u"unicode" + U"UNICODE"
fstr = f"x" + F"y" + rf"\z" + fr"\w" + Rf"{1}" + FR"{2}"
concat = "a" "b" 'c' """d"""
concat_bytes = b"a" b'b' rb"\c"
mixed_concat = "plain " f"formatted {plain} " "tail"
u_concat = u"first" "second"
u_second = "first" u"second"
f_then_plain = f"{x}" "plain"
plain_then_f = "plain" f"{x}"
escapes = "\a\b\f\n\r\t\v\\\'\"\0\x7f\101\u1234\U0001F600\N{DASH SYMBOL}"
octal_escapes = "\7\77\377"
newline_escape = "line\
continued"
empty = "" '' f"" r""
empty_bytes = b"" rb''
quotes = 'it\'s' "say \"hi\"" '"' "'"
byte_escapes = b"\a\b\f\n\r\t\v\\\'\"\0\x7f\101"
implicit_fstrings = (
    f"{a}"
    f"{b}"
    "c"
)
non_printable = "\x01\x1f\x7f\x80\xa0"
