import re

match = re.match(r"\d+", text)
case = 3
_ = match.group(0) if match else case
match.group(1)
match[0]
match(1, 2)
match - 1
case * 2
type = "builtin name"
type(type)
print(match, case, _, type)


def match(case, type=None):
    return case


class case:
    match = 1
    type = 2


match match:
    case case.match:
        pass
    case type():
        pass
    case {"match": match}:
        pass
