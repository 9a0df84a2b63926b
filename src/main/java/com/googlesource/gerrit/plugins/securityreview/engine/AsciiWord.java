package com.googlesource.gerrit.plugins.securityreview.engine;

/**
 * A word looked for in any case, without a lower-case copy of the text: {@link #isIn} says what
 * {@code text.toLowerCase(Locale.ROOT).contains(word)} says. The word is lower-case ASCII letters
 * other than i, k and s (characters outside ASCII fold to those three), so that only a letter and
 * its upper case fold to each of its letters ({@code c | 0x20} is ASCII's lower case): a
 * first-letter test then passes every position that can match.
 */
public record AsciiWord(String word) {
  public AsciiWord {
    if (word.isEmpty()) {
      throw new IllegalArgumentException("an empty word");
    }
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c < 'a' || c > 'z' || c == 'i' || c == 'k' || c == 's') {
        throw new IllegalArgumentException("not a word this search is exact for: " + word);
      }
    }
  }

  /** Whether the text holds the word in any case. */
  public boolean isIn(String text) {
    char first = word.charAt(0);
    int rest = word.length() - 1;
    for (int i = 0, last = text.length() - word.length(); i <= last; i++) {
      if ((text.charAt(i) | 0x20) == first && text.regionMatches(true, i + 1, word, 1, rest)) {
        return true;
      }
    }
    return false;
  }
}
