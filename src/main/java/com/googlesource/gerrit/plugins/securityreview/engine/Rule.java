package com.googlesource.gerrit.plugins.securityreview.engine;

import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;

/**
 * A check over one Python file. The engine walks each file's tree once and calls {@link #visit} for
 * every node, in source order, on every enabled rule; the context knows the node's ancestors, the
 * file's imports and how to report a finding.
 *
 * <p>Rules keep no state between files: whatever a rule needs to remember while walking a file it
 * keeps in the context ({@link RuleContext#state}).
 */
public abstract class Rule {
  public abstract RuleMeta meta();

  /** Called for every node of the file, parents before children. */
  public void visit(Node node, RuleContext ctx) {}

  /**
   * Whether the rule also checks test code ({@code tests/} folders, {@code test_*.py}). Most rules
   * do not: a defect there does not ship, and tests build the very patterns the rules look for on
   * purpose.
   */
  public boolean checksTestCode() {
    return false;
  }

  /** Called once after the walk, for checks that need the whole file. */
  public void endFile(RuleContext ctx) {}

  @Override
  public String toString() {
    return meta().id();
  }
}
