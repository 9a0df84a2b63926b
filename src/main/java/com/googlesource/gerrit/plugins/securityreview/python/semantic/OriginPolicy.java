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
    boolean everyReachingBinding) {

  /** A policy that judges a name by the last binding reaching it. */
  public OriginPolicy(
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
      boolean numericFormatSafe) {
    this(
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
        false);
  }

  /** This policy with more calls whose result is escaped or quoted ({@code shlex.quote}). */
  public OriginPolicy withEscapingCalls(Set<String> calls) {
    Set<String> all = new HashSet<>(escapingCalls);
    all.addAll(calls);
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
        Set.copyOf(all),
        numericFormatSafe);
  }

  /** Command strings (today's {@code rules/general/execution/Origins}). */
  public static final OriginPolicy SHELL =
      new OriginPolicy(
          true,
          true,
          true,
          true,
          Set.of(),
          false,
          Set.of("int", "float", "len", "bool", "abs", "round", "hex", "oct"),
          false,
          true,
          false,
          true,
          4,
          false,
          false,
          false,
          false,
          false,
          Set.of(),
          false);

  /** Raw SQL text (today's {@code SqlStringBuilt.Values}). */
  public static final OriginPolicy SQL =
      new OriginPolicy(
          false,
          false,
          true,
          true,
          Set.of("__tablename__"),
          false,
          Set.of("int", "float", "len", "bool", "abs", "round"),
          true,
          false,
          true,
          false,
          4,
          false,
          false,
          false,
          false,
          false,
          Set.of(),
          false);

  /** OVN match expressions: only free-form tenant fields count (today's OvnMatchInjection). */
  public static final OriginPolicy OVN_MATCH =
      new OriginPolicy(
          true,
          true,
          true,
          true,
          Set.of(),
          true,
          Set.of("int", "float", "len", "bool", "abs", "round", "hex", "oct"),
          false,
          true,
          false,
          false,
          6,
          true,
          true,
          true,
          true,
          true,
          Set.of(),
          true);

  /**
   * Text marked safe as HTML: data is parameters, attribute and item reads, and names bound to them
   * on any path that reaches the use (UPPER_CASE names included: they are judged by their value).
   */
  public static final OriginPolicy HTML =
      new OriginPolicy(
          true,
          false,
          false,
          true,
          Set.of(),
          false,
          Set.of("int", "float", "len", "bool", "abs", "round"),
          false,
          true,
          false,
          false,
          4,
          false,
          false,
          false,
          true,
          true,
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
              "html.escape"),
          true,
          true);
}
