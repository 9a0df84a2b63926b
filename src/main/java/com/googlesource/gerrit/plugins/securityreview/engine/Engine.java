package com.googlesource.gerrit.plugins.securityreview.engine;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.Diagnostic;
import com.googlesource.gerrit.plugins.securityreview.python.NodeVisitor;
import com.googlesource.gerrit.plugins.securityreview.python.ParseResult;
import com.googlesource.gerrit.plugins.securityreview.python.PythonParser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs the enabled rules over one file and keeps what should be reported: findings on changed
 * lines, not suppressed, at or above the thresholds. Pure Java: no Gerrit classes, so the command
 * line and the tests use it as the plugin does. Thread-safe: rules keep no state between files.
 */
public final class Engine {
  private static final Pattern TEST_PATH =
      Pattern.compile("(^|.*/)(tests?/.*|test_[^/]*\\.py|[^/]*_tests?\\.py|conftest\\.py)$");

  private final List<Rule> rules;
  private final EngineOptions options;

  public Engine(List<Rule> allRules, EngineOptions options) {
    this.options = options;
    this.rules = allRules.stream().filter(r -> options.isOn(r.meta())).toList();
  }

  public EngineOptions options() {
    return options;
  }

  /** The rules that run. */
  public List<Rule> rules() {
    return rules;
  }

  public static boolean isTestPath(String path) {
    return TEST_PATH.matcher(path.replace('\\', '/')).matches();
  }

  /**
   * Checks one file. {@code changed} limits the report to findings that touch those lines; use
   * {@link ChangedLines#ALL} for a whole-file scan. Never throws for any content.
   */
  public FileResult analyze(String path, byte[] content, ChangedLines changed) {
    ParseResult parsed = PythonParser.parse(content);
    boolean testFile = isTestPath(path);
    List<Rule> fileRules = testFile ? rules.stream().filter(Rule::checksTestCode).toList() : rules;
    RuleContext ctx = new RuleContext(path, parsed.module(), parsed.source(), testFile);
    List<Diagnostic> diagnostics = new ArrayList<>(parsed.diagnostics());
    try {
      Set<Rule> failed = new HashSet<>();
      walk(parsed.module(), fileRules, ctx, failed, diagnostics);
      for (Rule r : fileRules) {
        if (!failed.contains(r)) {
          try {
            r.endFile(ctx);
          } catch (RuntimeException e) {
            diagnostics.add(ruleFailed(r, 1, e));
          }
        }
      }
    } catch (StackOverflowError e) {
      diagnostics.add(
          new Diagnostic(1, 0, "too deeply nested to check; findings of this file are incomplete"));
    }
    List<Finding> raw = new ArrayList<>(ctx.findings());
    if (!diagnostics.isEmpty() && options.isOn(SyntaxErrorRule.META)) {
      raw.add(SyntaxErrorRule.finding(path, diagnostics, parsed.ok(), parsed.source()));
    }
    Suppressions suppressions = new Suppressions(parsed.comments());
    List<Finding> kept = new ArrayList<>();
    int suppressed = 0;
    int below = 0;
    int unchanged = 0;
    for (Finding f : raw) {
      if (!changed.overlaps(f.line(), f.endLine())) {
        unchanged++;
      } else if (suppressions.suppresses(f, metaOf(f.ruleId()))) {
        suppressed++;
      } else if (!options.meetsThresholds(f)) {
        below++;
      } else {
        kept.add(f);
      }
    }
    kept.sort(
        Comparator.comparingInt(Finding::line)
            .thenComparingInt(Finding::col)
            .thenComparing(Finding::ruleId));
    return new FileResult(
        path, List.copyOf(kept), suppressed, below, unchanged, List.copyOf(diagnostics));
  }

  private RuleMeta metaOf(String id) {
    for (Rule r : rules) {
      if (r.meta().id().equals(id)) {
        return r.meta();
      }
    }
    return SyntaxErrorRule.META;
  }

  /** A rule that throws is a bug in the rule: it stops for this file, the others go on. */
  private static Diagnostic ruleFailed(Rule r, int line, RuntimeException e) {
    return new Diagnostic(
        line, 0, "rule " + r.meta().id() + " failed (" + e + "); its findings are incomplete");
  }

  private static void walk(
      Node root,
      List<Rule> rules,
      RuleContext ctx,
      Set<Rule> failed,
      List<Diagnostic> diagnostics) {
    new NodeVisitor() {
      @Override
      protected boolean enter(Node node) {
        for (Rule r : rules) {
          if (failed.contains(r)) {
            continue;
          }
          try {
            r.visit(node, ctx);
          } catch (RuntimeException e) {
            failed.add(r);
            diagnostics.add(
                ruleFailed(r, node instanceof Ast.Located l ? Math.max(1, l.loc().line()) : 1, e));
          }
        }
        ctx.push(node);
        return true;
      }

      @Override
      protected void leave(Node node) {
        ctx.pop();
      }
    }.visit(root);
  }
}
