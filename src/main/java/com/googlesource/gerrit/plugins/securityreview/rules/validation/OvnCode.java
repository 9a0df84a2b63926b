package com.googlesource.gerrit.plugins.securityreview.rules.validation;

import com.googlesource.gerrit.plugins.securityreview.engine.AsciiWord;

/**
 * Which files are OVN code: the rules whose sinks or guards are the OVN driver's own look only
 * there (other drivers and agents use the same names for other syntaxes).
 */
final class OvnCode {
  private static final AsciiWord OVN = new AsciiWord("ovn");

  private OvnCode() {}

  /** Whether a repository path is OVN code: a folder or file with "ovn" in its name. */
  static boolean contains(String path) {
    // Without a lower-case copy of the path: AddressComparedAsString asks for every comparison
    // it looks at.
    return OVN.isIn(path);
  }
}
