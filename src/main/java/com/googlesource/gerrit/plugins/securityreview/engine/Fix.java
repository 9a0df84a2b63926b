package com.googlesource.gerrit.plugins.securityreview.engine;

import java.util.List;

/**
 * A safe, mechanical replacement that resolves a finding: Gerrit offers it as a one-click fix
 * suggestion. Edits must not overlap.
 */
public record Fix(String description, List<Edit> edits) {
  /** Replaces a range of the file: lines 1-based, columns 0-based in characters, end exclusive. */
  public record Edit(int line, int col, int endLine, int endCol, String replacement) {}
}
