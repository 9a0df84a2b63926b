#!/usr/bin/env python3
"""Module docstring."""


class Empty:
    pass


class Base(object):
    """Class docstring."""

    attr = 1

    def __init__(self, value):
        self.value = value

    @property
    def prop(self):
        return self.value


class Derived(Base, metaclass=Meta, **options):
    pass


class Kwargs(*bases, key="value"):
    pass


for i in range(10):
    if i == 3:
        continue
    elif i == 8:
        break
else:
    pass

while True:
    pass; break

if x: pass
elif y: pass
else: pass

def one_liner(): return 1
class OneLiner: x = 1; y = 2
for i in x: print(i); continue
while False: pass
with a: pass
try: pass
except: pass
x = 1;
