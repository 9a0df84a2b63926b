"""Explicit lazy imports (PEP 810): "lazy" is a soft keyword only before 'import' or 'from'."""

lazy import json
lazy import os.path as osp, xml.etree.ElementTree
lazy   import  urllib . parse   as   up
lazy from collections import OrderedDict, defaultdict as dd
lazy from . import sibling
lazy from ..pkg.sub import (
    first,
    second as 𝓈econd,
)
lazy \
    import shlex; lazy from shutil import which
import lazy
from lazy import lazy
lazy import lazy

# Anywhere else "lazy" is an ordinary name.
lazy = lazy(lazy)
lazy.import_ = lazy[0]
lazy: "lazy" = lazy
for lazy in lazy:
    print(lazy, lazy.lazy)

if lazy:
    lazy import mod_in_if
while lazy:
    lazy from mod_in_while import name
with lazy:
    lazy import mod_in_with

# ast.parse accepts these; only the compiler rejects them (lazy import inside a function, a
# class or a try statement, and lazy from ... import *).
lazy from star_module import *


def loader():
    lazy import in_function


class Holder:
    lazy from in_class import attribute


try:
    lazy import in_try
except ImportError:
    lazy import in_handler
finally:
    lazy import in_finally
