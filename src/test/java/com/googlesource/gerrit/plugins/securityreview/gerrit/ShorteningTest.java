package com.googlesource.gerrit.plugins.securityreview.gerrit;

import static com.google.common.truth.Truth.assertThat;

import org.junit.Test;

public class ShorteningTest {
  @Test
  public void onlyLongCodeSpansAreShortened() {
    String longCode = "a".repeat(150) + "b".repeat(150);
    String text = "Writes `short` and `" + longCode + "` to the log.";

    String s = Shortening.quotes(text, 200);
    assertThat(s).startsWith("Writes `short` and `" + "a".repeat(133) + Shortening.ELLIPSIS);
    assertThat(s).endsWith(Shortening.ELLIPSIS + "b".repeat(66) + "` to the log.");
    assertThat(Shortening.quotes("`" + "x".repeat(200) + "`", 200))
        .isEqualTo("`" + "x".repeat(200) + "`");
  }

  @Test
  public void spansFollowMarkdownsBacktickRuns() {
    // A double-backtick span may hold single backticks; an unclosed backtick is text.
    String inner = "x`y".repeat(100);
    String s = Shortening.quotes("``" + inner + "`` and ` alone", 30);
    assertThat(s).startsWith("``x`y");
    assertThat(s).endsWith("`` and ` alone");
    assertThat(s.length()).isLessThan(60);
    // The cut never leaves a backtick next to the ellipsis, which would close the span early.
    String t = Shortening.quotes("`" + "a".repeat(19) + "``" + "b".repeat(30) + "`", 30);
    assertThat(t).doesNotContain("`" + Shortening.ELLIPSIS);
    assertThat(t).doesNotContain(Shortening.ELLIPSIS + "`");
  }

  @Test
  public void cutKeepsSurrogatePairsAndEndsWithTheNotice() {
    String text = "\ud83d\udd12".repeat(50);
    String cut = Shortening.cut(text, 21, "!");
    assertThat(cut.length()).isAtMost(21);
    assertThat(cut).endsWith("!");
    assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 2))).isFalse();
    assertThat(Shortening.cut("short", 10, "!")).isEqualTo("short");
    assertThat(Shortening.cut("one two three four", 12, "...")).isEqualTo("one two...");
  }
}
