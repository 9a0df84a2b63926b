package com.googlesource.gerrit.plugins.securityreview.rules.general.hygiene;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What PY404 and PY405 share: telling an access or validation check from other asserts. */
final class AssertChecks {
  private AssertChecks() {}

  /**
   * Words of identifiers, dict keys and assert messages that mark an access or input check: who the
   * caller is, what it may do, whether input was validated or authenticated.
   */
  private static final Set<String> CHECK_WORDS =
      Set.of(
          "admin",
          "tenant",
          "project",
          "owner",
          "user",
          "permission",
          "permissions",
          "perm",
          "perms",
          "role",
          "roles",
          "policy",
          "rbac",
          "authorized",
          "authorised",
          "authenticated",
          "auth",
          "allowed",
          "access",
          "privileged",
          "token",
          "signature",
          "hmac",
          "secret",
          "trusted",
          "valid",
          "validate",
          "validated",
          "verify",
          "verified");

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,60}");

  /** Splits {@code is_admin}, {@code tenantId} and "must be admin" into lower-case words. */
  private static final Pattern WORD_BREAK = Pattern.compile("[^A-Za-z]+|(?<=[a-z])(?=[A-Z])");

  /** Whether an assert (its test or its message) speaks of access, ownership or validation. */
  static boolean looksLikeCheck(Ast.Assert a) {
    List<Ast.Expr> parts = a.msg() == null ? List.of(a.test()) : List.of(a.test(), a.msg());
    return SemanticModel.spellsAny(parts, AssertChecks::hasCheckWord);
  }

  /** The {@code assert} keyword alone, as Ruff marks it. */
  static Ast.Loc assertKeyword(Ast.Assert a) {
    Ast.Loc l = a.loc();
    return new Ast.Loc(l.line(), l.col(), l.line(), l.col() + 6);
  }

  private static boolean hasCheckWord(String text, boolean literal) {
    // A long literal that is not an identifier is prose (a message); its words count too.
    if (literal && text.length() > 200) {
      return false;
    }
    if (!literal && !IDENTIFIER.matcher(text).matches()) {
      return false;
    }
    for (String w : WORD_BREAK.split(text)) {
      if (CHECK_WORDS.contains(w.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}
