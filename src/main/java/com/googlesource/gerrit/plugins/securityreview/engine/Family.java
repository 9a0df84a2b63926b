package com.googlesource.gerrit.plugins.securityreview.engine;

/**
 * A family of rules: an id range ({@code OVN3xx}), its title and the package its rules live in.
 * Each family is named here once; a rule names its family and a test checks that the rule's id and
 * package agree with it.
 */
public enum Family {
  REVIEW_COVERAGE("SR0", "review coverage", "engine"),
  INPUT_VALIDATION("OVN1", "input validation", "rules.validation"),
  RESOURCE_HANDLING("OVN2", "resource handling", "rules.resources"),
  TRANSACTIONS("OVN3", "transactions", "rules.transactions"),
  SECURITY_CONFIGURATION("OVN4", "security configuration", "rules.config"),
  LOGGING_DISCLOSURE("OVN5", "logging disclosure", "rules.logging"),
  EXCEPTION_HANDLING("OVN6", "exception handling", "rules.exceptions"),
  CHANGES("OVN7", "changes", "rules.changes"),
  EXECUTION("PY1", "code execution, deserialisation and processes", "rules.general.execution"),
  DATA("PY2", "files, parsers and secrets", "rules.general.data"),
  CRYPTO("PY3", "cryptography and network protocols", "rules.general.crypto"),
  HYGIENE("PY4", "templates, assertions, permissions and debug hooks", "rules.general.hygiene");

  private static final String ROOT_PACKAGE = "com.googlesource.gerrit.plugins.securityreview.";

  private final String idPrefix;
  private final String title;
  private final String packageName;

  Family(String idPrefix, String title, String relativePackage) {
    this.idPrefix = idPrefix;
    this.title = title;
    this.packageName = ROOT_PACKAGE + relativePackage;
  }

  /** The id range, e.g. {@code OVN3xx}. */
  public String range() {
    return idPrefix + "xx";
  }

  public String title() {
    return title;
  }

  /** How findings and pages name the family: {@code OVN3xx transactions}. */
  public String label() {
    return range() + " " + title;
  }

  /** The Java package of the family's rules. */
  public String packageName() {
    return packageName;
  }

  /** Whether a rule id lies in this family's range: {@code OVN303} in {@code OVN3xx}. */
  public boolean contains(String ruleId) {
    return ruleId.length() == idPrefix.length() + 2
        && ruleId.startsWith(idPrefix)
        && Character.isDigit(ruleId.charAt(ruleId.length() - 2))
        && Character.isDigit(ruleId.charAt(ruleId.length() - 1));
  }
}
