package com.googlesource.gerrit.plugins.securityreview.engine;

import java.util.List;

/**
 * What a rule is: its id (e.g. {@code OVN301}), a kebab-case name, a one-line title, its severity
 * and confidence, its family (category), whether it runs by default, the matching Bandit id and
 * Ruff code where there is one (null otherwise), and the documentation from which its page under
 * {@code resources/Documentation/rules/} is generated.
 *
 * @param why one sentence on why a finding matters, appended to every message
 * @param fix one sentence on how to fix it, appended to every message
 */
public record RuleMeta(
    String id,
    String name,
    String title,
    Severity severity,
    Confidence confidence,
    String category,
    boolean enabledByDefault,
    String banditId,
    String ruffCode,
    String why,
    String fix,
    Doc doc) {

  /**
   * The sections of a rule's page, as Ruff's rule pages have them. {@code example} and {@code
   * useInstead} are Python code; {@code references} are links (URLs or "title <URL>").
   */
  public record Doc(
      String whatItDoes,
      String whyItMatters,
      String example,
      String useInstead,
      List<String> references) {}

  /**
   * The ids a suppression comment (or {@code --disable}) may name for this rule: ours, Bandit's and
   * Ruff's. A rule that covers several Bandit checks or Ruff codes lists them separated by commas
   * ({@code "B110,B112"}).
   */
  public List<String> suppressionIds() {
    return java.util.stream.Stream.of(id, banditId, ruffCode)
        .filter(java.util.Objects::nonNull)
        .flatMap(s -> java.util.Arrays.stream(s.split(",")))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
