package com.googlesource.gerrit.plugins.securityreview.cli;

import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleDocs;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code rule ID...} and {@code rule --all}: prints rule pages, the Markdown the plugin serves
 * under {@code Documentation/rules/}, read from the jar so that they can be read offline.
 */
final class RuleCommand {
  static final String SUMMARY =
      """
        rule ID... | rule --all
            Print a rule's page (Markdown): what it flags and where it stays
            silent, why it matters, an example, what to write instead, how to
            suppress it. ID: ours (OVN301), a Bandit id (B602) or a Ruff code (S602).
      """;

  static final String HELP =
      """
      Usage: java -jar security-review.jar rule [--] ID...
             java -jar security-review.jar rule --all

      Prints the page of each rule an ID names: the Markdown page the plugin serves
      at /plugins/security-review/Documentation/rules/ID.md, read from the jar. An
      ID is one of our rule ids (OVN301), a rule name
      (transaction-check-error-false), a Bandit id (B602) or a Ruff code (S602), in
      any case; an id several rules share prints each of their pages. Pages are
      separated by a blank line.

      Options:
        --all       print the page of every rule, in the order of 'scan --list-rules'
        -h, --help  show this help
        --          end of options

      Exit status: 0 pages printed, 2 an ID no rule has (then nothing is printed)
      or a usage error.
      """;

  static final String HELP_COMMAND = "rule --help";

  private final PrintStream out;
  private final List<Rule> allRules;

  /** {@code allRules}: every rule there is. */
  RuleCommand(PrintStream out, List<Rule> allRules) {
    this.out = out;
    this.allRules = allRules;
  }

  /** How a finding's line of text output names the page of its rule. */
  static String pageCommand(String ruleId) {
    return "java -jar security-review.jar rule " + ruleId;
  }

  int run(String[] argv) throws UsageException {
    boolean all = false;
    boolean options = true;
    List<String> ids = new ArrayList<>();
    for (String a : argv) {
      if (options && a.equals("--")) {
        options = false;
      } else if (options && (a.equals("-h") || a.equals("--help"))) {
        out.print(HELP);
        return Main.EXIT_OK;
      } else if (options && a.equals("--all")) {
        all = true;
      } else if (options && a.startsWith("-")) {
        throw new UsageException("rule: unknown option '" + a + "'", HELP_COMMAND);
      } else {
        ids.add(a);
      }
    }
    if (all == !ids.isEmpty()) {
      throw new UsageException(
          all ? "rule: --all takes no ID" : "rule: name a rule (such as OVN301) or give --all",
          HELP_COMMAND);
    }
    List<RuleMeta> rules = new ArrayList<>();
    if (all) {
      allRules.forEach(r -> rules.add(r.meta()));
    }
    for (String id : ids) {
      List<RuleMeta> named = named(id);
      if (named.isEmpty()) {
        throw new UsageException(
            "rule: no rule has the id or name '" + id + "'; 'scan --list-rules' lists them",
            HELP_COMMAND);
      }
      rules.addAll(named);
    }
    List<String> pages = new ArrayList<>();
    for (RuleMeta m : rules) {
      pages.add(
          page(m)
              .orElseThrow(
                  () -> new UsageException("rule: the jar has no page for " + m.id(), "--help")));
    }
    out.print(String.join("\n", pages));
    return Main.EXIT_OK;
  }

  /** The rules an id or name names, in the order of {@link #allRules}. */
  private List<RuleMeta> named(String idOrName) {
    String wanted = idOrName.strip().toUpperCase(Locale.ROOT);
    List<RuleMeta> named = new ArrayList<>();
    for (Rule r : allRules) {
      RuleMeta m = r.meta();
      boolean match = m.name().toUpperCase(Locale.ROOT).equals(wanted);
      for (String id : m.suppressionIds()) {
        match |= id.toUpperCase(Locale.ROOT).equals(wanted);
      }
      if (match) {
        named.add(m);
      }
    }
    return named;
  }

  /** The rule's page in the jar; empty when the jar has none. */
  static Optional<String> page(RuleMeta m) {
    try (InputStream in = RuleCommand.class.getResourceAsStream("/" + RuleDocs.path(m))) {
      return in == null
          ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
