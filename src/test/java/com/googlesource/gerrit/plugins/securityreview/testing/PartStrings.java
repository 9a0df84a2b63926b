package com.googlesource.gerrit.plugins.securityreview.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Strings made of random runs of given parts, for checking string code against the regular
 * expression it replaced: the parts are the words and separators the expression cares about.
 */
public final class PartStrings {
  private PartStrings() {}

  /** {@code count} strings of 1 to {@code maxParts} parts each, the same ones for a seed. */
  public static List<String> of(String[] parts, int maxParts, int count, long seed) {
    Random random = new Random(seed);
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      StringBuilder b = new StringBuilder();
      for (int n = random.nextInt(maxParts); n >= 0; n--) {
        b.append(parts[random.nextInt(parts.length)]);
      }
      out.add(b.toString());
    }
    return out;
  }
}
