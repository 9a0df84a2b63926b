# A file with only comments.
#   indented comment text

    # an indented comment line is fine too
#!not a shebang here
