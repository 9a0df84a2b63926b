package com.googlesource.gerrit.plugins.securityreview.python;

import java.util.Arrays;

/**
 * The token stream of one file, as parallel arrays. Offsets index the decoded text; lines are
 * 1-based and columns are UTF-8 byte offsets, as CPython's tokenizer reports them.
 */
final class Tokens {
  int size;
  int[] kind;
  int[] start;
  int[] end;
  int[] line;
  int[] col;
  int[] endLine;
  int[] endCol;

  /**
   * NAME: the identifier (NFKC-normalised); NUMBER and STRING: the source text; FSTRING_START: the
   * prefix and quote; FSTRING_MIDDLE: the literal text with {@code {{} and {@code }}} halved.
   */
  String[] value;

  /** The identifiers the tokens spell. */
  final NameTable names = new NameTable();

  /** The comments, in source order. */
  final java.util.List<Comment> comments = new java.util.ArrayList<>();

  /**
   * @param capacity the tokens expected (the arrays grow past it)
   */
  Tokens(int capacity) {
    int n = Math.max(256, capacity);
    kind = new int[n];
    start = new int[n];
    end = new int[n];
    line = new int[n];
    col = new int[n];
    endLine = new int[n];
    endCol = new int[n];
    value = new String[n];
  }

  int add(int k, int s, int e, int l, int c, int el, int ec, String v) {
    if (size == kind.length) {
      int n = size * 2;
      kind = Arrays.copyOf(kind, n);
      start = Arrays.copyOf(start, n);
      end = Arrays.copyOf(end, n);
      line = Arrays.copyOf(line, n);
      col = Arrays.copyOf(col, n);
      endLine = Arrays.copyOf(endLine, n);
      endCol = Arrays.copyOf(endCol, n);
      value = Arrays.copyOf(value, n);
    }
    kind[size] = k;
    start[size] = s;
    end[size] = e;
    line[size] = l;
    col[size] = c;
    endLine[size] = el;
    endCol[size] = ec;
    value[size] = v;
    return size++;
  }
}
