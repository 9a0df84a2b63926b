package com.googlesource.gerrit.plugins.securityreview.engine;

import com.googlesource.gerrit.plugins.securityreview.python.Ast.Loc;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Located;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What a {@link DiffRule} sees: both versions of a file, the change's paths, and a report. */
public final class ChangeContext {
  private final RuleContext current;
  private final RuleContext base;
  private final boolean added;
  private final Set<String> changedPaths;
  private final List<Finding> findings = new ArrayList<>();

  ChangeContext(RuleContext current, RuleContext base, boolean added, Set<String> changedPaths) {
    this.current = current;
    this.base = base;
    this.added = added;
    this.changedPaths = changedPaths;
  }

  /** The new version (the one findings are reported on). */
  public RuleContext current() {
    return current;
  }

  /** The base version; an empty module when the change adds the file. */
  public RuleContext base() {
    return base;
  }

  /** Whether the change adds the file (the base is empty). */
  public boolean added() {
    return added;
  }

  /** Every path the change touches (new paths; deleted files by their old path). */
  public Set<String> changedPaths() {
    return changedPaths;
  }

  /** Reports a finding on a node of the new version. */
  public void report(Rule rule, Located node, String message) {
    report(rule, node.loc(), message, null);
  }

  /** Reports a finding on a range of the new version (UTF-8 byte columns). */
  public void report(Rule rule, Loc loc, String message, Fix fix) {
    findings.add(current.finding(rule, loc, message, fix));
  }

  List<Finding> findings() {
    return findings;
  }
}
