"""Docstring may precede a future import."""
from __future__ import annotations
import os
import os.path
import os.path as osp, sys as system
import a.b.c, d
from os import path
from os import path as p, sep
from os import (path,
                sep as separator,)
from . import sibling
from .. import parent
from ... import grandparent
from .... import great
from .module import name
from ..package.module import name as alias
from ...a.b import (c)
from .......deep import x
from os import *
from . import (a, b)
