package com.googlesource.gerrit.plugins.securityreview.python;

/**
 * The identifiers of one file, each spelled once: a file uses a few hundred names thousands of
 * times, so the tokenizer looks a name up by its characters instead of copying it out of the text
 * each time, and learns whether it is a keyword once per spelling.
 */
final class NameTable {
  private String[] names = new String[512];
  private int[] kinds = new int[512];
  private int size;

  /** The index of the ASCII identifier {@code text[s, e)}, added when new. */
  int indexOf(String text, int s, int e) {
    int h = 0;
    for (int i = s; i < e; i++) {
      h = 31 * h + text.charAt(i);
    }
    int mask = names.length - 1;
    int length = e - s;
    for (int i = mix(h) & mask; ; i = (i + 1) & mask) {
      String n = names[i];
      if (n == null) {
        String id = text.substring(s, e);
        names[i] = id;
        kinds[i] = Tok.keyword(id);
        if (++size * 2 > names.length) {
          grow();
          return slotOf(id);
        }
        return i;
      }
      if (n.length() == length && text.regionMatches(s, n, 0, length)) {
        return i;
      }
    }
  }

  String name(int index) {
    return names[index];
  }

  /** {@link Tok#NAME} or the keyword's kind. */
  int kind(int index) {
    return kinds[index];
  }

  private void grow() {
    String[] oldNames = names;
    int[] oldKinds = kinds;
    names = new String[oldNames.length * 2];
    kinds = new int[oldNames.length * 2];
    int mask = names.length - 1;
    for (int j = 0; j < oldNames.length; j++) {
      String n = oldNames[j];
      if (n != null) {
        int i = mix(n.hashCode()) & mask;
        while (names[i] != null) {
          i = (i + 1) & mask;
        }
        names[i] = n;
        kinds[i] = oldKinds[j];
      }
    }
  }

  private int slotOf(String id) {
    int mask = names.length - 1;
    for (int i = mix(id.hashCode()) & mask; ; i = (i + 1) & mask) {
      if (names[i].equals(id)) {
        return i;
      }
    }
  }

  /** Spreads the string hash's low bits, which linear probing uses. */
  private static int mix(int h) {
    return h ^ (h >>> 16);
  }
}
