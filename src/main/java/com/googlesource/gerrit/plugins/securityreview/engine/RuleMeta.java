package com.googlesource.gerrit.plugins.securityreview.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a rule is: its id (e.g. {@code OVN301}), a kebab-case name, a one-line title, its severity
 * and confidence, its family, whether it runs by default, the matching Bandit ids and Ruff codes
 * where there are some, the two sentences every message ends with, and its page. Built with {@link
 * #builder}.
 *
 * @param why one sentence on why a finding matters, appended to every message
 * @param fix one sentence on how to fix it, appended to every message
 * @param doc the rule's page as Markdown, with the sections of {@link #SECTIONS} in that order
 *     (References optional), as Ruff's rule pages have them; {@link RuleDocs} adds the title, the
 *     table of facts and how to suppress
 */
public record RuleMeta(
    String id,
    String name,
    String title,
    Severity severity,
    Confidence confidence,
    Family family,
    boolean enabledByDefault,
    String banditId,
    String ruffCode,
    String why,
    String fix,
    String doc) {

  /** The sections of a rule's page, in order; the last one may be left out. */
  public static final List<String> SECTIONS =
      List.of("What it does", "Why it matters", "Example", "Use instead", "References");

  public RuleMeta {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(family, id + ": family");
    for (String s : new String[] {name, title, why, fix, doc}) {
      if (s == null || s.isBlank()) {
        throw new IllegalArgumentException(id + ": name, title, why, fix and doc are required");
      }
    }
    Objects.requireNonNull(severity, id + ": severity");
    Objects.requireNonNull(confidence, id + ": confidence");
    doc = doc.strip();
    checkSections(id, doc);
  }

  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** The family's label, e.g. {@code OVN3xx transactions}, as findings and reports show it. */
  public String category() {
    return family.label();
  }

  /**
   * The text of one section of the page ({@code "What it does"}), without its heading; empty when
   * the page has no such section.
   */
  public String section(String heading) {
    String marker = "## " + heading + "\n";
    int from;
    if (doc.startsWith(marker)) {
      from = marker.length();
    } else {
      int at = doc.indexOf("\n" + marker);
      if (at < 0) {
        return "";
      }
      from = at + 1 + marker.length();
    }
    int next = doc.indexOf("\n## ", from);
    return doc.substring(from, next < 0 ? doc.length() : next).strip();
  }

  /**
   * The ids a suppression comment (or {@code --disable}) may name for this rule: ours, Bandit's and
   * Ruff's. A rule that covers several Bandit checks or Ruff codes lists them separated by commas
   * ({@code "B110,B112"}).
   */
  public List<String> suppressionIds() {
    List<String> ids = new ArrayList<>();
    for (String s : new String[] {id, banditId, ruffCode}) {
      if (s != null) {
        Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).forEach(ids::add);
      }
    }
    return ids;
  }

  private static void checkSections(String id, String doc) {
    List<String> headings = new ArrayList<>();
    boolean inCode = false;
    for (String line : doc.split("\n", -1)) {
      if (line.startsWith("```")) {
        inCode = !inCode;
      } else if (inCode) {
        continue;
      } else if (line.startsWith("## ")) {
        headings.add(line.substring(3).strip());
      } else if (line.startsWith("# ")) {
        throw new IllegalArgumentException(id + ": the page's title is generated; use ## headings");
      }
    }
    List<String> required = SECTIONS.subList(0, SECTIONS.size() - 1);
    if (!headings.equals(required) && !headings.equals(SECTIONS)) {
      throw new IllegalArgumentException(
          id + ": the page must have the sections " + SECTIONS + " in order, has " + headings);
    }
  }

  /** Builds a {@link RuleMeta}; every field but the Bandit and Ruff ids is required. */
  public static final class Builder {
    private final String id;
    private String name;
    private String title;
    private Severity severity;
    private Confidence confidence;
    private Family family;
    private boolean enabledByDefault = true;
    private String banditId;
    private String ruffCode;
    private String why;
    private String fix;
    private String doc;

    private Builder(String id) {
      this.id = id;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    public Builder severity(Severity severity) {
      this.severity = severity;
      return this;
    }

    public Builder confidence(Confidence confidence) {
      this.confidence = confidence;
      return this;
    }

    public Builder family(Family family) {
      this.family = family;
      return this;
    }

    /** Rules run by default; a rule that has not reached its precision goal is turned off. */
    public Builder offByDefault() {
      this.enabledByDefault = false;
      return this;
    }

    /** The Bandit check ids this rule covers, comma-separated ({@code "B110,B112"}). */
    public Builder bandit(String banditId) {
      this.banditId = banditId;
      return this;
    }

    /** The Ruff codes this rule covers, comma-separated ({@code "S110,S112"}). */
    public Builder ruff(String ruffCode) {
      this.ruffCode = ruffCode;
      return this;
    }

    public Builder why(String why) {
      this.why = why;
      return this;
    }

    public Builder fix(String fix) {
      this.fix = fix;
      return this;
    }

    /** The page, as Markdown with the sections of {@link RuleMeta#SECTIONS}. */
    public Builder doc(String doc) {
      this.doc = doc;
      return this;
    }

    public RuleMeta build() {
      return new RuleMeta(
          id,
          name,
          title,
          severity,
          confidence,
          family,
          enabledByDefault,
          banditId,
          ruffCode,
          why,
          fix,
          doc);
    }
  }
}
