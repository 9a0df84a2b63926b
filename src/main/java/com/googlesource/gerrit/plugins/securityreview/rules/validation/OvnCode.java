package com.googlesource.gerrit.plugins.securityreview.rules.validation;

import java.util.Locale;

/**
 * Which files are OVN code: the rules whose sinks or guards are the OVN driver's own look only
 * there (other drivers and agents use the same names for other syntaxes).
 */
final class OvnCode {
  private OvnCode() {}

  /** Whether a repository path is OVN code: a folder or file with "ovn" in its name. */
  static boolean contains(String path) {
    return path.toLowerCase(Locale.ROOT).contains("ovn");
  }
}
