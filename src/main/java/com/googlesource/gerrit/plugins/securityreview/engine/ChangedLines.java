package com.googlesource.gerrit.plugins.securityreview.engine;

import java.util.ArrayList;
import java.util.List;

/** The lines a change added or modified in one file, as 1-based inclusive ranges. */
public final class ChangedLines {
  private final int[] from;
  private final int[] to;

  private ChangedLines(int[] from, int[] to) {
    this.from = from;
    this.to = to;
  }

  /** Every line counts as changed: a new file, or a scan without a diff. */
  public static final ChangedLines ALL =
      new ChangedLines(new int[] {1}, new int[] {Integer.MAX_VALUE});

  /** Builds from ranges; each range is {@code {first, last}}, 1-based, inclusive. */
  public static ChangedLines of(List<int[]> ranges) {
    List<int[]> sorted = new ArrayList<>(ranges);
    sorted.sort((a, b) -> Integer.compare(a[0], b[0]));
    int[] f = new int[sorted.size()];
    int[] t = new int[sorted.size()];
    for (int i = 0; i < sorted.size(); i++) {
      f[i] = sorted.get(i)[0];
      t[i] = sorted.get(i)[1];
    }
    return new ChangedLines(f, t);
  }

  /** Whether any line from {@code first} to {@code last} (inclusive) is changed. */
  public boolean overlaps(int first, int last) {
    for (int i = 0; i < from.length; i++) {
      if (from[i] > last) {
        return false;
      }
      if (to[i] >= first) {
        return true;
      }
    }
    return false;
  }

  public boolean isEmpty() {
    return from.length == 0;
  }
}
