package com.googlesource.gerrit.plugins.securityreview.engine;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.Diagnostic;
import com.googlesource.gerrit.plugins.securityreview.python.ParseResult;
import com.googlesource.gerrit.plugins.securityreview.python.Preorder;
import com.googlesource.gerrit.plugins.securityreview.python.PythonParser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs the enabled rules over one file and keeps what should be reported: findings on changed
 * lines, not suppressed, at or above the thresholds. Pure Java: no Gerrit classes, so the command
 * line and the tests use it as the plugin does. Thread-safe: rules keep no state between files.
 */
public final class Engine {
  private final List<Rule> rules;
  private final EngineOptions options;
  private final Dispatch productionRules;
  private final Dispatch testCodeRules;
  private final Function<byte[], ParseResult> frontEnd;

  public Engine(List<Rule> allRules, EngineOptions options) {
    this(allRules, options, PythonParser::parse);
  }

  /** With another front end: tests use one that reports defects of its own. */
  Engine(List<Rule> allRules, EngineOptions options, Function<byte[], ParseResult> frontEnd) {
    this.frontEnd = frontEnd;
    this.options = options;
    this.rules = allRules.stream().filter(r -> options.isOn(r.meta())).toList();
    this.productionRules = new Dispatch(rules);
    this.testCodeRules = new Dispatch(rules.stream().filter(Rule::checksTestCode).toList());
  }

  public EngineOptions options() {
    return options;
  }

  /** The rules that run. */
  public List<Rule> rules() {
    return rules;
  }

  /**
   * Whether a path is test code: in a folder named {@code test} or {@code tests}, or a file named
   * {@code test_*.py}, {@code *_test.py}, {@code *_tests.py}, {@code test.py}, {@code tests.py} or
   * {@code conftest.py}; either separator. String code, not a regular expression: every file asks.
   */
  public static boolean isTestPath(String path) {
    String p = path.replace('\\', '/');
    int name = p.lastIndexOf('/') + 1;
    for (int folder = 0; folder < name; folder = p.indexOf('/', folder) + 1) {
      if (p.startsWith("test/", folder) || p.startsWith("tests/", folder)) {
        return true;
      }
    }
    String file = p.substring(name);
    return file.startsWith("test_") && file.endsWith(".py")
        || file.endsWith("_test.py")
        || file.endsWith("_tests.py")
        || file.equals("test.py")
        || file.equals("tests.py")
        || file.equals("conftest.py");
  }

  /**
   * Checks one file. {@code changed} limits the report to findings that touch those lines; use
   * {@link ChangedLines#ALL} for a whole-file scan. Never throws for any content.
   */
  public FileResult analyze(String path, byte[] content, ChangedLines changed) {
    return analyze(path, content, changed, null);
  }

  /**
   * Checks one file of a change against its base version: a finding on a changed line is reported
   * only when the base has no equivalent one ({@link FindingKeys}); those it has are counted as
   * pre-existing. The {@link DiffRule}s run too. With a null {@code base} this is a check of the
   * changed lines alone. Never throws for any content.
   */
  public FileResult analyze(String path, byte[] content, ChangedLines changed, BaseVersion base) {
    try {
      return analyzeUnguarded(path, content, changed, base);
    } catch (RuntimeException | StackOverflowError e) {
      // A defect outside every rule's guard (fingerprints, suppressions, the base comparison):
      // said as such, so that a caller never sees an exception and never takes the file as clean.
      return new FileResult(
          path,
          List.of(),
          0,
          0,
          0,
          0,
          List.of(),
          List.of(new RuleFailure(RuleFailure.ENGINE, 1, RuleFailure.error(e), 1)));
    }
  }

  private FileResult analyzeUnguarded(
      String path, byte[] content, ChangedLines changed, BaseVersion base) {
    FileBudget budget = new FileBudget(options.fileBudget());
    Checked now = checkVersion(path, content, budget);
    List<Finding> diffFindings = new ArrayList<>();
    Map<String, Integer> inBase = new HashMap<>();
    if (base != null) {
      Checked before =
          checkVersion(
              base.path(),
              base.content() == null ? new byte[0] : base.content(),
              new FileBudget(options.fileBudget()));
      for (Finding f : before.findings()) {
        if (!f.ruleId().equals(SyntaxErrorRule.META.id())
            && !before.suppressions().suppresses(f, metaOf(f.ruleId()))) {
          inBase.merge(before.keys().key(f), 1, Integer::sum);
        }
      }
      ChangeContext change =
          new ChangeContext(now.ctx(), before.ctx(), base.content() == null, base.changedPaths());
      try {
        for (Rule r : now.rules()) {
          if (r instanceof DiffRule d) {
            budget.check(1);
            try {
              d.compare(change);
            } catch (FileBudget.Exceeded e) {
              throw e;
            } catch (RuntimeException | StackOverflowError e) {
              now.failures().add(r, 1, e);
            }
          }
        }
      } catch (FileBudget.Exceeded e) {
        now.diagnostics().add(e.diagnostic());
      }
      diffFindings.addAll(change.findings());
    }
    List<Finding> raw = new ArrayList<>(now.findings());
    if (!now.diagnostics().isEmpty() && options.isOn(SyntaxErrorRule.META)) {
      raw.add(
          SyntaxErrorRule.finding(
              path, now.diagnostics(), now.parsed().ok(), now.parsed().source()));
    }
    Set<Finding> fromDiffRules = Collections.newSetFromMap(new IdentityHashMap<>());
    fromDiffRules.addAll(diffFindings);
    raw.addAll(diffFindings);
    raw.sort(BY_POSITION);

    // Fingerprint: the key, numbered among equal keys in file order.
    List<Candidate> candidates = new ArrayList<>(raw.size());
    Map<String, Integer> seen = new HashMap<>();
    for (Finding f : raw) {
      String key = now.keys().key(f);
      int occurrence = seen.merge(key, 1, Integer::sum) - 1;
      boolean diff = fromDiffRules.contains(f);
      candidates.add(
          new Candidate(
              f.withFingerprint(FindingKeys.fingerprint(key, occurrence)),
              key,
              diff,
              diff || changed.overlaps(f.line(), f.endLine())));
    }
    // Each base finding excuses one equal new finding; those on unchanged lines take theirs first.
    Set<Candidate> preexisting = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Candidate> matchOrder = new ArrayList<>(candidates);
    matchOrder.sort(Comparator.comparing(Candidate::onChangedLines));
    for (Candidate c : matchOrder) {
      if (!c.fromDiffRule()
          && !c.finding().ruleId().equals(SyntaxErrorRule.META.id())
          && inBase.getOrDefault(c.key(), 0) > 0) {
        inBase.merge(c.key(), -1, Integer::sum);
        preexisting.add(c);
      }
    }

    List<Finding> kept = new ArrayList<>();
    int suppressed = 0;
    int below = 0;
    int unchanged = 0;
    int old = 0;
    for (Candidate c : candidates) {
      Finding f = c.finding();
      if (!c.onChangedLines()) {
        unchanged++;
      } else if (now.suppressions().suppresses(f, metaOf(f.ruleId()))) {
        suppressed++;
      } else if (!options.meetsThresholds(f)) {
        below++;
      } else if (preexisting.contains(c)) {
        old++;
      } else {
        kept.add(f);
      }
    }
    return new FileResult(
        path,
        List.copyOf(kept),
        suppressed,
        below,
        unchanged,
        old,
        List.copyOf(now.diagnostics()),
        now.failures().list());
  }

  private static final Comparator<Finding> BY_POSITION =
      Comparator.comparingInt(Finding::line)
          .thenComparingInt(Finding::col)
          .thenComparing(Finding::ruleId);

  /**
   * A finding on its way to the report; diff-rule findings are about the change and count as on
   * changed lines wherever they sit.
   */
  private record Candidate(
      Finding finding, String key, boolean fromDiffRule, boolean onChangedLines) {}

  /** One version of a file, parsed and walked by the rules that apply to it. */
  private record Checked(
      ParseResult parsed,
      RuleContext ctx,
      List<Rule> rules,
      List<Diagnostic> diagnostics,
      Failures failures,
      Suppressions suppressions,
      FindingKeys keys) {
    List<Finding> findings() {
      return ctx.findings();
    }
  }

  private Checked checkVersion(String path, byte[] content, FileBudget budget) {
    ParseResult parsed = frontEnd.apply(content);
    boolean testFile = isTestPath(path);
    Dispatch dispatch = testFile ? testCodeRules : productionRules;
    Dispatch.Visitors visitors = dispatch.forFile(path, parsed::spellsAny);
    List<Rule> fileRules = visitors.rules();
    List<Diagnostic> diagnostics = new ArrayList<>();
    Failures failures = new Failures();
    for (Diagnostic d : parsed.diagnostics()) {
      if (d.internal()) {
        failures.addFrontEnd(d);
      } else {
        diagnostics.add(d);
      }
    }
    Preorder tree = Preorder.of(parsed.module());
    RuleContext ctx = new RuleContext(path, parsed, tree, testFile);
    try {
      walk(tree, dispatch, visitors, ctx, failures, budget);
      for (Rule r : fileRules) {
        budget.check(parsed.source().lineCount());
        try {
          r.endFile(ctx);
        } catch (FileBudget.Exceeded e) {
          throw e;
        } catch (RuntimeException | StackOverflowError e) {
          failures.add(r, 1, e);
        }
      }
    } catch (FileBudget.Exceeded e) {
      diagnostics.add(e.diagnostic());
    } catch (StackOverflowError e) {
      diagnostics.add(
          new Diagnostic(1, 0, "too deeply nested to check; findings of this file are incomplete"));
    }
    return new Checked(
        parsed,
        ctx,
        fileRules,
        diagnostics,
        failures,
        new Suppressions(parsed.comments()),
        new FindingKeys(parsed.module(), parsed.source()));
  }

  private RuleMeta metaOf(String id) {
    for (Rule r : rules) {
      if (r.meta().id().equals(id)) {
        return r.meta();
      }
    }
    return SyntaxErrorRule.META;
  }

  /**
   * The rules (and the front end) that threw on a file, each once: where it first failed and how
   * often. A rule that throws is a bug in the rule, reported as such, never as a fact about the
   * file.
   */
  private static final class Failures {
    private final Map<String, RuleFailure> byRule = new LinkedHashMap<>();

    void add(Rule r, int line, Throwable e) {
      add(r.meta().id(), line, RuleFailure.error(e));
    }

    /** A statement the tokenizer or parser skipped after a defect of its own. */
    void addFrontEnd(Diagnostic d) {
      add(RuleFailure.PARSER, d.line(), d.message());
    }

    private void add(String id, int line, String error) {
      byRule.merge(
          id,
          new RuleFailure(id, Math.max(1, line), error, 1),
          (first, again) ->
              new RuleFailure(first.ruleId(), first.line(), first.error(), first.times() + 1));
    }

    List<RuleFailure> list() {
      return List.copyOf(byRule.values());
    }
  }

  /**
   * Walks the tree once, calling each rule on the nodes it registered for. A rule that throws skips
   * the rest of the statement it failed in and goes on with the next one; the other rules do not
   * notice.
   */
  private static void walk(
      Preorder tree,
      Dispatch dispatch,
      Dispatch.Visitors visitors,
      RuleContext ctx,
      Failures failures,
      FileBudget budget) {
    // For each rule, the end of the statement it failed in: it skips the positions before it.
    int[] skipUntil = new int[dispatch.rules().size()];
    try {
      for (int i = 0; i < tree.size(); i++) {
        Node node = tree.node(i);
        if (budget.due()) {
          budget.check(lineOf(tree, i));
        }
        Dispatch.Entry[] entries = visitors.of(node);
        if (entries.length == 0) {
          continue;
        }
        ctx.visiting(i);
        for (Dispatch.Entry e : entries) {
          if (skipUntil[e.rule()] > i) {
            continue;
          }
          try {
            e.registration().visit(node, ctx);
          } catch (FileBudget.Exceeded ex) {
            throw ex;
          } catch (RuntimeException | StackOverflowError ex) {
            int statement = statementOf(tree, i);
            skipUntil[e.rule()] = tree.end(statement);
            failures.add(dispatch.rules().get(e.rule()), lineOf(tree, statement), ex);
          }
        }
      }
    } finally {
      // Past the walk (a budget run out included), the rules see no node's ancestors.
      ctx.visiting(-1);
    }
  }

  /**
   * The line of a position: its node's, or its nearest located ancestor's. Worked out only when
   * needed, not for every node the walk passes.
   */
  private static int lineOf(Preorder tree, int position) {
    for (int p = position; p >= 0; p = tree.parent(p)) {
      if (tree.node(p) instanceof Ast.Located l) {
        return l.loc().line();
      }
    }
    return 1;
  }

  /** The position of the innermost statement holding a node (the node itself, or the module). */
  private static int statementOf(Preorder tree, int position) {
    for (int p = position; p > 0; p = tree.parent(p)) {
      if (tree.node(p) instanceof Ast.Stmt) {
        return p;
      }
    }
    return 0;
  }
}
