package com.googlesource.gerrit.plugins.securityreview.python;

/**
 * The identifiers of one file, each spelled once: a file uses a few hundred names thousands of
 * times, so the tokenizer looks a name up by its characters instead of copying it out of the text
 * each time, and learns whether it is a keyword once per spelling. Afterwards it says which names
 * the file spells at all ({@link #contains}).
 */
public final class NameTable {
  private String[] names = new String[512];
  private char[][] spellings = new char[512][];
  private int[] kinds = new int[512];
  private int size;

  /**
   * The index of the ASCII identifier {@code chars[s, e)}, added when new.
   *
   * @param text the same characters as a String: a new name is cut from it (an ASCII String's bytes
   *     are copied as they are, where a String made of characters would be compressed)
   * @param h the identifier's {@link String#hashCode}, worked out as the caller read it
   */
  int indexOf(String text, char[] chars, int s, int e, int h) {
    int mask = names.length - 1;
    for (int i = mix(h) & mask; ; i = (i + 1) & mask) {
      char[] spelling = spellings[i];
      if (spelling == null) {
        String id = text.substring(s, e);
        names[i] = id;
        spellings[i] = id.toCharArray();
        kinds[i] = Tok.keyword(id);
        if (++size * 2 > names.length) {
          grow();
          return slotOf(id);
        }
        return i;
      }
      if (spelled(spelling, chars, s, e)) {
        return i;
      }
    }
  }

  private static boolean spelled(char[] spelling, char[] text, int s, int e) {
    if (spelling.length != e - s) {
      return false;
    }
    for (int i = 0; i < spelling.length; i++) {
      if (spelling[i] != text[s + i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Records an identifier the tokenizer spelled outside {@link #indexOf}: one with non-ASCII
   * characters, NFKC-normalised as CPython reads it.
   */
  void add(String id) {
    indexOf(id, id.toCharArray(), 0, id.length(), id.hashCode());
  }

  /** Whether the file spells this identifier (or a keyword), anywhere. */
  public boolean contains(String id) {
    int mask = names.length - 1;
    for (int i = mix(id.hashCode()) & mask; ; i = (i + 1) & mask) {
      String n = names[i];
      if (n == null) {
        return false;
      }
      if (n.equals(id)) {
        return true;
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
    char[][] oldSpellings = spellings;
    int[] oldKinds = kinds;
    names = new String[oldNames.length * 2];
    spellings = new char[oldNames.length * 2][];
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
        spellings[i] = oldSpellings[j];
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
