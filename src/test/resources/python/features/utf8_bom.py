# -*- coding: utf-8 -*-
"""A module with a UTF-8 byte order mark."""
x = "café"
