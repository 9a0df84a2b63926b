package com.googlesource.gerrit.plugins.securityreview.testing;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import java.util.Locale;

/** The metadata of the rules tests make up: ids TSTnnn, filed under a real family. */
public final class TestRuleMeta {
  private TestRuleMeta() {}

  public static RuleMeta of(
      String id, Severity s, Confidence c, boolean on, String bandit, String ruff) {
    RuleMeta.Builder b = builder(id).severity(s).confidence(c).bandit(bandit).ruff(ruff);
    return (on ? b : b.offByDefault()).build();
  }

  /**
   * A builder with every field a valid rule needs (medium severity, high confidence, on by
   * default), for a test to change what it is about.
   */
  public static RuleMeta.Builder builder(String id) {
    return RuleMeta.builder(id)
        .name("test-" + id.toLowerCase(Locale.ROOT))
        .title("Test rule " + id)
        .severity(Severity.MEDIUM)
        .confidence(Confidence.HIGH)
        .family(Family.HYGIENE)
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
  }
}
