package com.googlesource.gerrit.plugins.securityreview.engine;

/** The metadata of the rules tests make up: ids TSTnnn, filed under a real family. */
public final class TestRuleMeta {
  private TestRuleMeta() {}

  public static RuleMeta of(
      String id, Severity s, Confidence c, boolean on, String bandit, String ruff) {
    RuleMeta.Builder b =
        RuleMeta.builder(id)
            .name("test-" + id.toLowerCase(java.util.Locale.ROOT))
            .title("Test rule " + id)
            .severity(s)
            .confidence(c)
            .family(Family.HYGIENE)
            .bandit(bandit)
            .ruff(ruff)
            .why("It matters.")
            .fix("Do something else.")
            .doc(
                """
                ## What it does

                Flags calls.

                ## Why it matters

                Because.

                ## Example

                ```python
                danger()
                ```

                ## Use instead

                ```python
                safe()
                ```
                """);
    return (on ? b : b.offByDefault()).build();
  }
}
