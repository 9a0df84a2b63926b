package com.googlesource.gerrit.plugins.securityreview.python;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which identifiers a parsed file spells. */
class ParseResultTest {
  private static final String SOURCE =
      """
      import os.path as p
      from .sibling import helper
      def run(*, timeout=None):
          '''Calls hashlib.md5.'''  # and ssl
          return f"{p.join(helper(), 'x')!r:>{width}}"
      ｕｒｌｌｉｂ = 1
      """;

  @Test
  void spellsTheIdentifiersOfTheTokens() {
    ParseResult parsed = PythonParser.parse(SOURCE);
    for (String id :
        List.of(
            "os", "path", "p", "sibling", "helper", "run", "timeout", "join", "width", "urllib")) {
      assertWithMessage(id).that(parsed.spellsAny(Set.of(id))).isTrue();
    }
  }

  @Test
  void stringsCommentsAndPartsOfNamesAreNotSpelled() {
    ParseResult parsed = PythonParser.parse(SOURCE);
    assertThat(parsed.spellsAny(Set.of("hashlib", "md5", "ssl", "x", "o", "jo"))).isFalse();
  }

  @Test
  void aTreeNotMadeByTheTokenizerSpellsEverything() {
    ParseResult parsed = PythonParser.parse(SOURCE);
    ParseResult own =
        new ParseResult(parsed.module(), parsed.source(), parsed.diagnostics(), parsed.comments());
    assertThat(own.spellsAny(Set.of("hashlib"))).isTrue();
  }
}
