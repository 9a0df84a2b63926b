package com.googlesource.gerrit.plugins.securityreview.python.semantic;

/**
 * What kind of object a value is, and why we think so.
 *
 * @param database for OVSDB kinds, which database; {@link OvsdbDatabase#UNKNOWN} otherwise
 */
public record KindFact(ValueKind kind, Evidence evidence, OvsdbDatabase database) {
  public static final KindFact UNKNOWN =
      new KindFact(ValueKind.UNKNOWN, Evidence.NONE, OvsdbDatabase.UNKNOWN);

  static KindFact of(ValueKind kind, Evidence evidence) {
    return new KindFact(kind, evidence, OvsdbDatabase.UNKNOWN);
  }

  public boolean isKnown() {
    return kind != ValueKind.UNKNOWN;
  }

  /** Known from where the value came from, an annotation or a docstring, not only its name. */
  public boolean fromEvidence() {
    return isKnown() && evidence != Evidence.NAME;
  }

  KindFact withEvidence(Evidence e) {
    return new KindFact(kind, e, database);
  }

  KindFact withKind(ValueKind k) {
    return new KindFact(k, evidence, database);
  }
}
