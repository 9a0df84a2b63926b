package com.googlesource.gerrit.plugins.securityreview.engine;

/**
 * A check that needs both versions of a changed file: what the change removed or turned around (a
 * validation call gone, {@code check_error=True} now false, a timeout dropped). It runs only when
 * the engine is given the base ({@link Engine#analyze(String, byte[], ChangedLines, BaseVersion)}),
 * after the tree walk; its findings are about the change itself, so they are reported wherever they
 * sit in the new file, changed line or not.
 */
public abstract class DiffRule extends Rule {
  protected DiffRule(RuleMeta meta) {
    super(meta);
  }

  /** Compares the base and the new version of one file and reports on the new one. */
  public abstract void compare(ChangeContext ctx);
}
