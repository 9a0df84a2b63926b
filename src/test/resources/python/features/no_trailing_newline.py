def f():
    if x:
        return (1 +
                2)  # no newline at the end of this file