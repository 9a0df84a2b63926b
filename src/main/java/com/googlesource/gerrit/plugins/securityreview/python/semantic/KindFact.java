package com.googlesource.gerrit.plugins.securityreview.python.semantic;

/**
 * What kind of object a value is, and why we think so.
 *
 * @param database for OVSDB kinds, which database; {@link OvsdbDatabase#UNKNOWN} otherwise
 */
public record KindFact(ValueKind kind, Evidence evidence, OvsdbDatabase database) {
  public static final KindFact UNKNOWN =
      new KindFact(ValueKind.UNKNOWN, Evidence.NONE, OvsdbDatabase.UNKNOWN);

  /**
   * A value whose origin is known and is none of the kinds: a dict or list display, an instance of
   * a plain class of the file. Its name then is no evidence of a kind.
   */
  public static final KindFact OTHER =
      new KindFact(ValueKind.UNKNOWN, Evidence.ORIGIN, OvsdbDatabase.UNKNOWN);

  static KindFact of(ValueKind kind, Evidence evidence) {
    return new KindFact(kind, evidence, OvsdbDatabase.UNKNOWN);
  }

  public boolean isKnown() {
    return kind != ValueKind.UNKNOWN;
  }

  /** Known from where it came from to be none of the kinds ({@link #OTHER}). */
  public boolean isOther() {
    return kind == ValueKind.UNKNOWN && evidence == Evidence.ORIGIN;
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
