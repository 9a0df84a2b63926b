import enum


class Color(enum.Enum):
    RED = 1


match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case ["go", direction] if direction in exits:
        pass
    case ["drop", *objects]:
        pass
    case [*_, last]:
        pass
    case ():
        pass
    case []:
        pass
    case _:
        pass

match value:
    case 0 | 1 | 2:
        kind = "small"
    case -1:
        kind = "negative"
    case 1.5 | -2.5j | 3 + 4j | -3 - 4j:
        kind = "numbers"
    case "text" "concatenated":
        kind = "string"
    case b"bytes":
        kind = "bytes"
    case None:
        kind = "none"
    case True:
        kind = "true"
    case False:
        kind = "false"
    case Color.RED:
        kind = "dotted"
    case enum.Enum.value:
        kind = "deeply dotted"

match event:
    case {"type": "click", "pos": (x, y)}:
        pass
    case {"type": "key", **rest}:
        pass
    case {}:
        pass
    case {1: _, None: _, Color.RED: [*_]}:
        pass

match shape:
    case Point(x=0, y=0):
        pass
    case Point(0, y):
        pass
    case Point(x, y, z=0) as p:
        pass
    case Circle():
        pass
    case shapes.Rect(Point(x1, y1), Point(x2, y2)):
        pass
    case [Point(x=0, y=0) | Point(x=1, y=1), *rest] if rest:
        pass
    case (1 | 2) as small:
        pass
    case (a, b, *others) if a > b:
        pass
    case {"k": [1, {"inner": x}]} | [x]:
        pass
    case str() | bytes() as text:
        pass
    case x:
        pass

match a, b:
    case 1, 2:
        pass
    case (1, *_), _:
        pass

match *xs, y:
    case _:
        pass

match (x):
    case (y):
        pass
