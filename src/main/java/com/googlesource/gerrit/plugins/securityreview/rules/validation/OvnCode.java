package com.googlesource.gerrit.plugins.securityreview.rules.validation;

/**
 * Which files are OVN code: the rules whose sinks or guards are the OVN driver's own look only
 * there (other drivers and agents use the same names for other syntaxes).
 */
final class OvnCode {
  private OvnCode() {}

  /** Whether a repository path is OVN code: a folder or file with "ovn" in its name. */
  static boolean contains(String path) {
    // Without a lower-case copy of the path: rules ask for every call they look at. Only 'o' and
    // 'O' fold to 'o' (c | 0x20 is ASCII's lower case), so the filter keeps every match.
    for (int i = 0; i + 3 <= path.length(); i++) {
      if ((path.charAt(i) | 0x20) == 'o' && path.regionMatches(true, i + 1, "vn", 0, 2)) {
        return true;
      }
    }
    return false;
  }
}
