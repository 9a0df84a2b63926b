package com.googlesource.gerrit.plugins.securityreview.python;

import java.util.Arrays;

/**
 * The token stream of one file, as parallel arrays. Offsets index the decoded text; lines are
 * 1-based and columns are UTF-8 byte offsets, as CPython's tokenizer reports them.
 */
final class Tokens {
  int size;
  int[] kind = new int[256];
  int[] start = new int[256];
  int[] end = new int[256];
  int[] line = new int[256];
  int[] col = new int[256];
  int[] endLine = new int[256];
  int[] endCol = new int[256];

  /**
   * NAME: the identifier (NFKC-normalised); NUMBER and STRING: the source text; FSTRING_START: the
   * prefix and quote; FSTRING_MIDDLE: the literal text with {@code {{} and {@code }}} halved.
   */
  String[] value = new String[256];

  /** The comments, in source order. */
  final java.util.List<Comment> comments = new java.util.ArrayList<>();

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
