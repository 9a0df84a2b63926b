package com.googlesource.gerrit.plugins.securityreview.engine;

/**
 * Renders a rule's documentation page (Markdown, served by Gerrit under {@code
 * /plugins/security-review/Documentation/rules/ID.md}) from its {@link RuleMeta}, so the page
 * cannot drift from the rule.
 */
public final class RuleDocs {
  private RuleDocs() {}

  /** The page's path inside the plugin's resources. */
  public static String path(RuleMeta m) {
    return "Documentation/rules/" + m.id() + ".md";
  }

  public static String markdown(RuleMeta m) {
    StringBuilder b = new StringBuilder();
    b.append("# ").append(m.id()).append(": ").append(m.name()).append("\n\n");
    b.append(m.title()).append("\n\n");
    b.append("| severity | confidence | family | on by default | Bandit | Ruff |\n");
    b.append("| --- | --- | --- | --- | --- | --- |\n");
    b.append("| ")
        .append(m.severity().label())
        .append(" | ")
        .append(m.confidence().label())
        .append(" | ")
        .append(m.category())
        .append(" | ")
        .append(m.enabledByDefault() ? "yes" : "no")
        .append(" | ")
        .append(m.banditId() == null ? "-" : m.banditId())
        .append(" | ")
        .append(m.ruffCode() == null ? "-" : m.ruffCode())
        .append(" |\n\n");
    b.append(m.doc()).append("\n\n");
    b.append("## Suppressing\n\nOn the flagged line: `# security-review: ignore[")
        .append(m.id())
        .append("]`");
    if (m.banditId() != null) {
      b.append(", `# nosec ").append(m.banditId()).append('`');
    }
    if (m.ruffCode() != null) {
      b.append(", `# noqa: ").append(m.ruffCode()).append('`');
    }
    b.append(" or `# nosec ").append(m.id()).append("`.\n");
    return b.toString();
  }
}
