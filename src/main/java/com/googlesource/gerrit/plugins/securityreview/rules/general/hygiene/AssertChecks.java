package com.googlesource.gerrit.plugins.securityreview.rules.general.hygiene;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.NodeVisitor;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import java.util.ArrayDeque;
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

  /** Builtins whose test states a type or an attribute's presence: what type checkers narrow on. */
  private static final Set<String> NARROWING_CALLS =
      Set.of("isinstance", "issubclass", "callable", "hasattr");

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,60}");

  /** Splits {@code is_admin}, {@code tenantId} and "must be admin" into lower-case words. */
  private static final Pattern WORD_BREAK = Pattern.compile("[^A-Za-z]+|(?<=[a-z])(?=[A-Z])");

  /**
   * Whether an assert checks access or input: its test or message speaks of access, ownership or
   * validation, and it checks the content of what a caller gives ({@link #checksCallerInput}).
   */
  static boolean looksLikeCheck(Ast.Assert a, SemanticModel model) {
    List<Ast.Expr> parts = a.msg() == null ? List.of(a.test()) : List.of(a.test(), a.msg());
    return SemanticModel.spellsAny(parts, AssertChecks::hasCheckWord)
        && checksCallerInput(a, model);
  }

  /**
   * Whether the assert is in a public function or method (of a public class) and one of its {@code
   * and}-parts tests the content of a parameter other than {@code self}: a value the caller chose,
   * let through under {@code -O}. Parts that only narrow a type or check presence ({@code x is not
   * None}, {@code isinstance(x, T)}, a bare {@code x}) state programming invariants, and asserts on
   * what the function computed itself, on {@code self}, or at module level, are the code's own
   * invariants.
   */
  private static boolean checksCallerInput(Ast.Assert a, SemanticModel model) {
    Ast.FunctionLike fn = model.enclosingFunction(a);
    if (fn == null || !isPublic(fn.name())) {
      return false;
    }
    Ast.ClassDef cls = model.enclosingClass(a);
    if (cls != null && !isPublic(cls.name())) {
      return false;
    }
    for (Ast.Expr part : andParts(a.test())) {
      if (!onlyNarrows(part) && readsParameter(model, part, fn)) {
        return true;
      }
    }
    return false;
  }

  /** Not {@code _private}; dunder methods ({@code __init__}) are public. */
  private static boolean isPublic(String name) {
    return !name.startsWith("_") || (name.startsWith("__") && name.endsWith("__"));
  }

  private static List<Ast.Expr> andParts(Ast.Expr test) {
    Ast.Expr e = test;
    return e instanceof Ast.BoolOp b && b.op() == Ast.BoolOperator.And ? b.values() : List.of(e);
  }

  /**
   * A part that states a type or presence: a bare name or attribute, {@code x is (not) None} of
   * one, {@code isinstance}/{@code issubclass}/{@code callable}/{@code hasattr}, or {@code not} of
   * any of these.
   */
  private static boolean onlyNarrows(Ast.Expr part) {
    Ast.Expr e = part;
    while (e instanceof Ast.UnaryOp u && u.op() == Ast.UnaryOperator.Not) {
      e = u.operand();
    }
    return switch (e) {
      case Ast.Name n -> true;
      case Ast.Attribute at -> true;
      case Ast.Compare c ->
          c.comparators().size() == 1
              && (c.ops().get(0) == Ast.CmpOp.Is || c.ops().get(0) == Ast.CmpOp.IsNot)
              && c.comparators().get(0) instanceof Ast.Constant k
              && k.isNone()
              && (c.left() instanceof Ast.Name || c.left() instanceof Ast.Attribute);
      case Ast.Call c when c.func() instanceof Ast.Name f -> NARROWING_CALLS.contains(f.id());
      default -> false;
    };
  }

  /**
   * Whether an expression reads a parameter of {@code fn} other than its {@code self}/{@code cls}.
   */
  private static boolean readsParameter(SemanticModel model, Ast.Expr e, Ast.FunctionLike fn) {
    ArrayDeque<Ast.Node> stack = new ArrayDeque<>(List.of(e));
    while (!stack.isEmpty()) {
      Ast.Node n = stack.pop();
      if (n instanceof Ast.Name name
          && model.parameterOf(name) != null
          && model.resolvingScope(name) != null
          && model.resolvingScope(name).node() == fn
          && model.selfClass(name) == null) {
        return true;
      }
      NodeVisitor.forEachChild(n, stack::push);
    }
    return false;
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
