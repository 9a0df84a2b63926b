# -*- coding: latin-1 -*-
# A file in Latin-1: CPython reports columns in bytes of the line re-encoded as UTF-8.
name = "café crème"
price = "£ 5"; after = name
été = b"\xe9"
