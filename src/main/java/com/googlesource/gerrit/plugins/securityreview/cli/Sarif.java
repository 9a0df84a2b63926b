package com.googlesource.gerrit.plugins.securityreview.cli;

import com.googlesource.gerrit.plugins.securityreview.cli.ScanReport.Problem;
import com.googlesource.gerrit.plugins.securityreview.cli.ScanReport.Scanned;
import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Finding;
import com.googlesource.gerrit.plugins.securityreview.engine.Fix;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleDocs;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a scan as a SARIF 2.1.0 log, as GitHub code scanning and SARIF viewers read it: one run,
 * the rules that ran as {@code tool.driver.rules}, one result per finding with its location
 * relative to {@code %SRCROOT%} (the current directory), 1-based lines and columns counted in
 * UTF-16 code units ({@code columnKind}), a line hash and the engine's fingerprint for matching
 * alerts across runs, and the fix when the rule offers one. The run's {@code properties} hold the
 * vote the bot would cast ({@link VotePrediction#appendJson}) and, with {@code --diff}, count the
 * findings left out as on unchanged lines or pre-existing.
 */
final class Sarif {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String INFORMATION_URI = "https://gerrit.googlesource.com/plugins/security-review";
  static final String SRCROOT = "%SRCROOT%";

  /**
   * The {@code partialFingerprints} key of the engine's fingerprint (rule, enclosing function or
   * class, normalised statement), versioned as SARIF recommends.
   */
  static final String FINGERPRINT_KEY = "securityReview/v1";

  private Sarif() {}

  /** The page of a rule, as served from the plugin's source repository. */
  static String helpUri(RuleMeta m) {
    return INFORMATION_URI + "/+/refs/heads/master/resources/" + RuleDocs.path(m);
  }

  static String level(Severity s) {
    return switch (s) {
      case HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW -> "note";
    };
  }

  /** GitHub's {@code security-severity}: high 7.0-8.9, medium 4.0-6.9, low 0.1-3.9. */
  static String securitySeverity(Severity s) {
    return switch (s) {
      case HIGH -> "8.0";
      case MEDIUM -> "5.0";
      case LOW -> "2.0";
    };
  }

  static String precision(Confidence c) {
    return c.label();
  }

  /**
   * @param rules the rules that ran, in the order of {@code tool.driver.rules}; a finding whose
   *     rule is missing (SR001 comes from the engine itself) is looked up in {@code known}
   * @param cwd the folder relative paths are relative to ({@code %SRCROOT%})
   * @param vote the vote the bot would cast, in the run's {@code properties}
   */
  static String write(
      ScanReport report,
      List<RuleMeta> rules,
      List<RuleMeta> known,
      String version,
      Path cwd,
      VotePrediction vote) {
    List<RuleMeta> descriptors = new ArrayList<>(rules);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < descriptors.size(); i++) {
      index.putIfAbsent(descriptors.get(i).id(), i);
    }
    for (Finding f : report.findings()) {
      if (!index.containsKey(f.ruleId())) {
        RuleMeta m =
            known.stream()
                .filter(k -> k.id().equals(f.ruleId()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown rule " + f.ruleId()));
        index.put(m.id(), descriptors.size());
        descriptors.add(m);
      }
    }

    StringBuilder b = new StringBuilder();
    b.append("{\n  \"$schema\": ");
    Json.appendQuoted(b, SCHEMA);
    b.append(",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n");
    b.append("      \"tool\": {\n        \"driver\": {\n          \"name\": ");
    Json.appendQuoted(b, Main.NAME);
    b.append(",\n          \"version\": ");
    Json.appendQuoted(b, version);
    b.append(",\n          \"informationUri\": ");
    Json.appendQuoted(b, INFORMATION_URI);
    b.append(",\n          \"rules\": [");
    for (int i = 0; i < descriptors.size(); i++) {
      b.append(i == 0 ? "\n            " : ",\n            ");
      appendRule(b, descriptors.get(i));
    }
    b.append(descriptors.isEmpty() ? "]\n" : "\n          ]\n");
    b.append("        }\n      },\n");
    b.append("      \"originalUriBaseIds\": {\"" + SRCROOT + "\": {\"uri\": ");
    Json.appendQuoted(b, folderUri(cwd));
    b.append("}},\n");
    b.append("      \"columnKind\": \"utf16CodeUnits\",\n");
    b.append("      \"properties\": {");
    if (report.diff()) {
      b.append("\"onUnchangedLines\": ")
          .append(report.unchanged())
          .append(", \"preexisting\": ")
          .append(report.preexisting())
          .append(", ");
    }
    b.append("\"vote\": ");
    vote.appendJson(b);
    b.append("},\n");
    List<Problem> errors = report.allErrors();
    b.append("      \"invocations\": [{\"executionSuccessful\": ")
        .append(errors.isEmpty())
        .append(", \"toolExecutionNotifications\": [");
    for (int i = 0; i < errors.size(); i++) {
      Problem p = errors.get(i);
      b.append(i == 0 ? "" : ", ").append("{\"level\": \"error\", \"message\": {\"text\": ");
      Json.appendQuoted(b, p.path() + ": " + p.message());
      b.append('}');
      if (p.ruleId() != null) {
        // The rule that failed: its descriptor, when it ran, is in tool.driver.rules.
        b.append(", \"associatedRule\": {\"id\": ");
        Json.appendQuoted(b, p.ruleId());
        Integer ruleIndex = index.get(p.ruleId());
        if (ruleIndex != null) {
          b.append(", \"index\": ").append(ruleIndex);
        }
        b.append('}');
      }
      b.append(", \"locations\": [{\"physicalLocation\": {\"artifactLocation\": ");
      appendArtifact(b, p.path());
      if (p.line() > 0) {
        b.append(", \"region\": {\"startLine\": ").append(p.line()).append('}');
      }
      b.append("}}]}");
    }
    b.append("]}],\n");
    b.append("      \"results\": [");
    boolean first = true;
    for (Scanned s : report.files()) {
      Map<String, Integer> occurrences = new HashMap<>();
      List<Finding> findings = s.result().findings();
      for (int i = 0; i < findings.size(); i++) {
        Finding f = findings.get(i);
        String hash = lineHash(f.ruleId(), f.path(), s.lineTexts().get(i));
        int n = occurrences.merge(hash, 1, Integer::sum);
        b.append(first ? "\n        " : ",\n        ");
        first = false;
        appendResult(b, f, index.get(f.ruleId()), hash + ":" + n);
      }
    }
    b.append(first ? "]\n" : "\n      ]\n");
    b.append("    }\n  ]\n}\n");
    return b.toString();
  }

  private static void appendRule(StringBuilder b, RuleMeta m) {
    b.append("{\"id\": ");
    Json.appendQuoted(b, m.id());
    b.append(", \"name\": ");
    Json.appendQuoted(b, m.name());
    b.append(", \"shortDescription\": {\"text\": ");
    Json.appendQuoted(b, m.title());
    b.append("}, \"fullDescription\": {\"text\": ");
    Json.appendQuoted(b, fullDescription(m));
    b.append("}, \"helpUri\": ");
    Json.appendQuoted(b, helpUri(m));
    b.append(", \"help\": {\"text\": ");
    Json.appendQuoted(b, join(m.why(), m.fix()));
    b.append(", \"markdown\": ");
    Json.appendQuoted(b, RuleDocs.markdown(m));
    b.append("}, \"defaultConfiguration\": {\"level\": ");
    Json.appendQuoted(b, level(m.severity()));
    b.append("}, \"properties\": {\"tags\": [\"security\", ");
    Json.appendQuoted(b, m.category());
    b.append("], \"precision\": ");
    Json.appendQuoted(b, precision(m.confidence()));
    b.append(", \"security-severity\": ");
    Json.appendQuoted(b, securitySeverity(m.severity()));
    b.append("}}");
  }

  private static String fullDescription(RuleMeta m) {
    return join(m.section("What it does"), m.section("Why it matters"));
  }

  private static String join(String a, String b) {
    String x = a == null ? "" : a.strip();
    String y = b == null ? "" : b.strip();
    return x.isEmpty() ? y : y.isEmpty() ? x : x + " " + y;
  }

  private static void appendResult(StringBuilder b, Finding f, int ruleIndex, String lineHash) {
    b.append("{\"ruleId\": ");
    Json.appendQuoted(b, f.ruleId());
    b.append(", \"ruleIndex\": ").append(ruleIndex);
    b.append(", \"level\": ");
    Json.appendQuoted(b, level(f.severity()));
    b.append(", \"message\": {\"text\": ");
    Json.appendQuoted(b, f.message());
    b.append("}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": ");
    appendArtifact(b, f.path());
    b.append(", \"region\": ");
    appendRegion(b, f.line(), f.col(), f.endLine(), f.endCol(), true);
    b.append("}}], \"partialFingerprints\": {\"primaryLocationLineHash\": ");
    Json.appendQuoted(b, lineHash);
    if (f.fingerprint() != null) {
      b.append(", ");
      Json.appendQuoted(b, FINGERPRINT_KEY);
      b.append(": ");
      Json.appendQuoted(b, f.fingerprint());
    }
    b.append("}, \"properties\": {\"severity\": ");
    Json.appendQuoted(b, f.severity().label());
    b.append(", \"confidence\": ");
    Json.appendQuoted(b, f.confidence().label());
    b.append(", \"category\": ");
    Json.appendQuoted(b, f.category());
    b.append('}');
    Fix fix = f.fix();
    if (fix != null && !fix.edits().isEmpty()) {
      b.append(", \"fixes\": [{\"description\": {\"text\": ");
      Json.appendQuoted(b, fix.description());
      b.append("}, \"artifactChanges\": [{\"artifactLocation\": ");
      appendArtifact(b, f.path());
      b.append(", \"replacements\": [");
      for (int i = 0; i < fix.edits().size(); i++) {
        Fix.Edit e = fix.edits().get(i);
        b.append(i == 0 ? "" : ", ").append("{\"deletedRegion\": ");
        appendRegion(b, e.line(), e.col(), e.endLine(), e.endCol(), false);
        b.append(", \"insertedContent\": {\"text\": ");
        Json.appendQuoted(b, e.replacement());
        b.append("}}");
      }
      b.append("]}]}]");
    }
    b.append('}');
  }

  /**
   * A region in 1-based lines and columns, the end column exclusive. An empty result region (a
   * syntax error's position) is written without its end, which SARIF reads as "to the end of the
   * line"; an empty deleted region of a fix is an insertion point and keeps its end.
   */
  private static void appendRegion(
      StringBuilder b, int line, int col, int endLine, int endCol, boolean widenEmpty) {
    int l = Math.max(1, line);
    int c = Math.max(0, col) + 1;
    int el = Math.max(l, endLine);
    int ec = Math.max(0, endCol) + 1;
    if (el == l && ec < c) {
      ec = c;
    }
    b.append("{\"startLine\": ").append(l).append(", \"startColumn\": ").append(c);
    if (!(widenEmpty && el == l && ec == c)) {
      b.append(", \"endLine\": ").append(el).append(", \"endColumn\": ").append(ec);
    }
    b.append('}');
  }

  private static void appendArtifact(StringBuilder b, String path) {
    String p = path.replace('\\', '/');
    if (Path.of(path).isAbsolute()) {
      b.append("{\"uri\": ");
      Json.appendQuoted(b, Path.of(path).toUri().toASCIIString());
      b.append('}');
      return;
    }
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    b.append("{\"uri\": ");
    Json.appendQuoted(b, encodePath(p));
    b.append(", \"uriBaseId\": \"" + SRCROOT + "\"}");
  }

  /** A relative path as a URI reference: UTF-8, percent-encoding all but unreserved characters. */
  static String encodePath(String path) {
    StringBuilder b = new StringBuilder();
    for (byte x : path.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~/!$&'()*+,;=@".indexOf(c) >= 0) {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        b.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return b.toString();
  }

  private static String folderUri(Path cwd) {
    String uri = cwd.toAbsolutePath().normalize().toUri().toASCIIString();
    return uri.endsWith("/") ? uri : uri + "/";
  }

  /**
   * A stable hash of the rule, the path and the flagged line with all white space removed, so that
   * an alert keeps its identity when lines move or are re-indented. 16 hex digits of SHA-256; the
   * caller appends {@code :N} for the Nth identical line of the file, as GitHub does.
   */
  static String lineHash(String ruleId, String path, String lineText) {
    String normalised = lineText == null ? "" : lineText.replaceAll("\\s+", "");
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] d =
          sha.digest(
              (ruleId + "\0" + path.replace('\\', '/') + "\0" + normalised)
                  .getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (int i = 0; i < 8; i++) {
        hex.append(Character.forDigit((d[i] >> 4) & 0xf, 16))
            .append(Character.forDigit(d[i] & 0xf, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
