package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import java.util.HashSet;
import java.util.Set;

/**
 * What counts as a safe part of a string, for {@link Origins}: data each rule passes, so that one
 * walk serves every rule.
 *
 * @param bytesAreStrings {@code b'...'} literals count as string literals (for {@code %}, {@code
 *     format}, {@code join} and {@code +})
 * @param rangeIndexSafe a loop variable of an enclosing {@code for i in range(...)} is a number
 * @param upperCaseNamesSafe UPPER_CASE names are constants
 * @param upperCaseAttributesSafe UPPER_CASE attributes ({@code constants.X}) are constants
 * @param safeAttributes other attribute names that are constants ({@code __tablename__})
 * @param attributesSafe every attribute read counts as safe
 * @param numericCalls calls of these builtins give numbers: safe
 * @param starredOpaque a {@code *x} inside a tuple or list is opaque rather than looked into
 * @param joinLooksIntoParts {@code sep.join(parts)} is judged by its parts; otherwise the join is
 *     opaque
 * @param placeholderJoinSafe {@code ', '.join(['%s'] * n)} (bind placeholders) is safe
 * @param addNeedsString {@code a + b} counts as building a string only when a part is a string
 *     literal or built (else opaque); when false, parts before the first literal are a prefix built
 *     elsewhere and are skipped (the SQL rule)
 * @param maxNameDepth how many assignments a name is followed through
 * @param normalisedSafe normalised values ({@link SemanticModel#isNormalised}) are safe
 * @param tenantOnly only tenant-controlled parts are unsafe: the origin is TENANT or LITERAL
 * @param freeFormOnly with tenantOnly: only free-form tenant fields count
 * @param unknownCallsSafe results of calls not looked into are safe (the callee decides)
 * @param unresolvedNamesSafe names that are not parameters and are bound nowhere visible are safe
 * @param escapingCalls qualified names of calls whose result is escaped (or quoted): safe, whatever
 *     the other settings
 * @param numericFormatSafe values formatted with a numeric {@code %d}-style conversion are safe
 * @param everyReachingBinding a name is judged by every binding that may reach the use ({@link
 *     SemanticModel#reachingBindings}), not only the last one: loop and unpacking targets by what
 *     they unpack, and {@code name.append(...)}/{@code extend}/{@code insert} calls before the use
 *     count as parts of the name; set comprehensions are judged by their element
 * @param constantsSafe a part is safe when nothing but constants can reach it: subscripts and
 *     slices of safe parts, methods of safe receivers with safe arguments ({@code x.lower()}), an
 *     attribute of {@code self} (or of an instance of a class of this file) whose every value
 *     assigned in the class is safe (one the class never assigns is a class-level setting its
 *     subclasses give), the settings of a database connection ({@code
 *     op.get_bind().engine.url.database}: the deployment's own), and calls of same-file functions
 *     whose every return is safe, their parameters bound to the call's arguments; a call of such a
 *     function that returns a built string is followed into it
 */
public record OriginPolicy(
    boolean bytesAreStrings,
    boolean rangeIndexSafe,
    boolean upperCaseNamesSafe,
    boolean upperCaseAttributesSafe,
    Set<String> safeAttributes,
    boolean attributesSafe,
    Set<String> numericCalls,
    boolean starredOpaque,
    boolean joinLooksIntoParts,
    boolean placeholderJoinSafe,
    boolean addNeedsString,
    int maxNameDepth,
    boolean normalisedSafe,
    boolean tenantOnly,
    boolean freeFormOnly,
    boolean unknownCallsSafe,
    boolean unresolvedNamesSafe,
    Set<String> escapingCalls,
    boolean numericFormatSafe,
    boolean everyReachingBinding,
    boolean constantsSafe) {

  public OriginPolicy {
    safeAttributes = Set.copyOf(safeAttributes);
    numericCalls = Set.copyOf(numericCalls);
    escapingCalls = Set.copyOf(escapingCalls);
  }

  /** A policy where nothing is safe but literals, its settings named one by one. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this policy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.bytesAreStrings = bytesAreStrings;
    b.rangeIndexSafe = rangeIndexSafe;
    b.upperCaseNamesSafe = upperCaseNamesSafe;
    b.upperCaseAttributesSafe = upperCaseAttributesSafe;
    b.safeAttributes = safeAttributes;
    b.attributesSafe = attributesSafe;
    b.numericCalls = numericCalls;
    b.starredOpaque = starredOpaque;
    b.joinLooksIntoParts = joinLooksIntoParts;
    b.placeholderJoinSafe = placeholderJoinSafe;
    b.addNeedsString = addNeedsString;
    b.maxNameDepth = maxNameDepth;
    b.normalisedSafe = normalisedSafe;
    b.tenantOnly = tenantOnly;
    b.freeFormOnly = freeFormOnly;
    b.unknownCallsSafe = unknownCallsSafe;
    b.unresolvedNamesSafe = unresolvedNamesSafe;
    b.escapingCalls = escapingCalls;
    b.numericFormatSafe = numericFormatSafe;
    b.everyReachingBinding = everyReachingBinding;
    b.constantsSafe = constantsSafe;
    return b;
  }

  /** This policy with more calls whose result is escaped or quoted ({@code shlex.quote}). */
  public OriginPolicy withEscapingCalls(Set<String> calls) {
    Set<String> all = new HashSet<>(escapingCalls);
    all.addAll(calls);
    return toBuilder().escapingCalls(all).build();
  }

  /** Command lines for a shell or a process (the PY1xx rules, PY308). */
  public static final OriginPolicy SHELL =
      builder()
          .bytesAreStrings(true)
          .rangeIndexSafe(true)
          .upperCaseNamesSafe(true)
          .upperCaseAttributesSafe(true)
          .numericCalls(Set.of("int", "float", "len", "bool", "abs", "round", "hex", "oct"))
          .joinLooksIntoParts(true)
          .addNeedsString(true)
          .build();

  /**
   * Raw SQL text (OVN304): bind placeholders, numbers and whatever only constants reach (table
   * names from a constant list, class settings, the connection's own database name) are safe;
   * parameters, call results and other objects' attributes are data.
   */
  public static final OriginPolicy SQL =
      builder()
          .upperCaseNamesSafe(true)
          .upperCaseAttributesSafe(true)
          .safeAttributes(Set.of("__tablename__"))
          .numericCalls(Set.of("int", "float", "len", "bool", "abs", "round"))
          .starredOpaque(true)
          .joinLooksIntoParts(true)
          .placeholderJoinSafe(true)
          .numericFormatSafe(true)
          .everyReachingBinding(true)
          .constantsSafe(true)
          .build();

  /** OVN match expressions (OVN102): only free-form tenant fields count. */
  public static final OriginPolicy OVN_MATCH =
      builder()
          .bytesAreStrings(true)
          .rangeIndexSafe(true)
          .upperCaseNamesSafe(true)
          .upperCaseAttributesSafe(true)
          .attributesSafe(true)
          .numericCalls(Set.of("int", "float", "len", "bool", "abs", "round", "hex", "oct"))
          .joinLooksIntoParts(true)
          .maxNameDepth(6)
          .normalisedSafe(true)
          .tenantOnly(true)
          .freeFormOnly(true)
          .unknownCallsSafe(true)
          .unresolvedNamesSafe(true)
          .numericFormatSafe(true)
          .build();

  /**
   * Text marked safe as HTML: data is parameters, attribute and item reads, and names bound to them
   * on any path that reaches the use (UPPER_CASE names included: they are judged by their value).
   */
  public static final OriginPolicy HTML =
      builder()
          .bytesAreStrings(true)
          .upperCaseAttributesSafe(true)
          .numericCalls(Set.of("int", "float", "len", "bool", "abs", "round"))
          .joinLooksIntoParts(true)
          .unknownCallsSafe(true)
          .unresolvedNamesSafe(true)
          .escapingCalls(
              Set.of(
                  "django.utils.html.escape",
                  "django.utils.html.conditional_escape",
                  "django.utils.html.format_html",
                  "django.utils.html.format_html_join",
                  "django.utils.html.escapejs",
                  "django.utils.html.strip_tags",
                  "markupsafe.escape",
                  "flask.escape",
                  "jinja2.escape",
                  "html.escape"))
          .numericFormatSafe(true)
          .everyReachingBinding(true)
          .build();

  /** Sets a policy's fields by name; unset flags are false, sets empty, names followed 4 deep. */
  public static final class Builder {
    private boolean bytesAreStrings;
    private boolean rangeIndexSafe;
    private boolean upperCaseNamesSafe;
    private boolean upperCaseAttributesSafe;
    private Set<String> safeAttributes = Set.of();
    private boolean attributesSafe;
    private Set<String> numericCalls = Set.of();
    private boolean starredOpaque;
    private boolean joinLooksIntoParts;
    private boolean placeholderJoinSafe;
    private boolean addNeedsString;
    private int maxNameDepth = 4;
    private boolean normalisedSafe;
    private boolean tenantOnly;
    private boolean freeFormOnly;
    private boolean unknownCallsSafe;
    private boolean unresolvedNamesSafe;
    private Set<String> escapingCalls = Set.of();
    private boolean numericFormatSafe;
    private boolean everyReachingBinding;
    private boolean constantsSafe;

    private Builder() {}

    public Builder bytesAreStrings(boolean value) {
      this.bytesAreStrings = value;
      return this;
    }

    public Builder rangeIndexSafe(boolean value) {
      this.rangeIndexSafe = value;
      return this;
    }

    public Builder upperCaseNamesSafe(boolean value) {
      this.upperCaseNamesSafe = value;
      return this;
    }

    public Builder upperCaseAttributesSafe(boolean value) {
      this.upperCaseAttributesSafe = value;
      return this;
    }

    public Builder safeAttributes(Set<String> value) {
      this.safeAttributes = value;
      return this;
    }

    public Builder attributesSafe(boolean value) {
      this.attributesSafe = value;
      return this;
    }

    public Builder numericCalls(Set<String> value) {
      this.numericCalls = value;
      return this;
    }

    public Builder starredOpaque(boolean value) {
      this.starredOpaque = value;
      return this;
    }

    public Builder joinLooksIntoParts(boolean value) {
      this.joinLooksIntoParts = value;
      return this;
    }

    public Builder placeholderJoinSafe(boolean value) {
      this.placeholderJoinSafe = value;
      return this;
    }

    public Builder addNeedsString(boolean value) {
      this.addNeedsString = value;
      return this;
    }

    public Builder maxNameDepth(int value) {
      this.maxNameDepth = value;
      return this;
    }

    public Builder normalisedSafe(boolean value) {
      this.normalisedSafe = value;
      return this;
    }

    public Builder tenantOnly(boolean value) {
      this.tenantOnly = value;
      return this;
    }

    public Builder freeFormOnly(boolean value) {
      this.freeFormOnly = value;
      return this;
    }

    public Builder unknownCallsSafe(boolean value) {
      this.unknownCallsSafe = value;
      return this;
    }

    public Builder unresolvedNamesSafe(boolean value) {
      this.unresolvedNamesSafe = value;
      return this;
    }

    public Builder escapingCalls(Set<String> value) {
      this.escapingCalls = value;
      return this;
    }

    public Builder numericFormatSafe(boolean value) {
      this.numericFormatSafe = value;
      return this;
    }

    public Builder everyReachingBinding(boolean value) {
      this.everyReachingBinding = value;
      return this;
    }

    public Builder constantsSafe(boolean value) {
      this.constantsSafe = value;
      return this;
    }

    public OriginPolicy build() {
      return new OriginPolicy(
          bytesAreStrings,
          rangeIndexSafe,
          upperCaseNamesSafe,
          upperCaseAttributesSafe,
          safeAttributes,
          attributesSafe,
          numericCalls,
          starredOpaque,
          joinLooksIntoParts,
          placeholderJoinSafe,
          addNeedsString,
          maxNameDepth,
          normalisedSafe,
          tenantOnly,
          freeFormOnly,
          unknownCallsSafe,
          unresolvedNamesSafe,
          escapingCalls,
          numericFormatSafe,
          everyReachingBinding,
          constantsSafe);
    }
  }
}
