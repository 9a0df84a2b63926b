package com.googlesource.gerrit.plugins.securityreview.engine;

import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.googlesource.gerrit.plugins.securityreview.testing.PartStrings;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The case-insensitive word search, against the lower-case copy it replaces. */
class AsciiWordTest {
  @Test
  void agreesWithALowerCaseCopy_charactersThatFoldOddlyIncluded() {
    String[] parts = {
      "o", "O", "v", "V", "n", "N", "q", "Q", "a", "A", "ovn", "NoQa", "/", " ", "\u212a", "\u0130",
      "\u017f", "\u0131", "\u00f6", "\u00d6", "#"
    };
    for (String word : new String[] {"ovn", "noqa"}) {
      AsciiWord search = new AsciiWord(word);
      for (String text : PartStrings.of(parts, 8, 50_000, 18)) {
        assertWithMessage("%s in %s", word, text)
            .that(search.isIn(text))
            .isEqualTo(text.toLowerCase(Locale.ROOT).contains(word));
      }
    }
  }

  @Test
  void wordsItIsNotExactFor_areRefused() {
    for (String word : new String[] {"", "skip", "kin", "vis", "Ovn", "n0qa"}) {
      assertThrows(IllegalArgumentException.class, () -> new AsciiWord(word));
    }
  }
}
