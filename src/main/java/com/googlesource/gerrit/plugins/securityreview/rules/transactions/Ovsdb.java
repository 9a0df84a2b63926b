package com.googlesource.gerrit.plugins.securityreview.rules.transactions;

import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Attribute;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.NodeVisitor;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.ValueKind;
import java.util.Locale;
import java.util.Set;

/**
 * What the transaction rules share: which ovsdbapp command names write or read (the lists follow
 * how Neutron and ovsdbapp name their commands), and that commands run inside a transaction block
 * are judged at the transaction. Which receivers are OVSDB APIs is the semantic model's to say.
 */
final class Ovsdb {
  private Ovsdb() {}

  /** Command name parts that make a command a write (ovsdbapp and Neutron's own commands). */
  private static final Set<String> WRITE_VERBS =
      Set.of(
          "add", "del", "delete", "set", "unset", "create", "destroy", "remove", "clear", "update",
          "bind", "unbind", "insert", "replace", "bump", "enable", "disable");

  /** Command name parts that make a command a read: it only looks at the local IDL replica. */
  private static final Set<String> READ_VERBS =
      Set.of("get", "list", "find", "exists", "lookup", "show", "dump", "count", "has", "is");

  /**
   * The keywords ovsdbapp's {@code Command.execute()} and the transaction it opens take (ovsdbapp's
   * {@code check_error}, {@code log_errors}, {@code nested}, {@code timeout}; Neutron's NB API adds
   * {@code bump_nb_cfg} and {@code revision_mismatch_raise}). Any other keyword lands in {@code
   * **kwargs} and is ignored.
   */
  private static final Set<String> EXECUTE_KEYWORDS =
      Set.of(
          "check_error",
          "log_errors",
          "nested",
          "timeout",
          "bump_nb_cfg",
          "revision_mismatch_raise");

  /** The first keyword of an {@code execute(...)} call that ovsdbapp does not take, or null. */
  static Ast.Keyword unknownExecuteKeyword(Call execute) {
    for (Ast.Keyword k : execute.keywords()) {
      if (k.arg() != null && !EXECUTE_KEYWORDS.contains(k.arg())) {
        return k;
      }
    }
    return null;
  }

  /** What a command does, as far as its name tells. */
  enum Verb {
    WRITE,
    READ,
    UNKNOWN
  }

  /**
   * The verb of an ovsdbapp command name: the first name part that is a known verb decides, so
   * {@code lsp_get_up} reads and {@code lrp_del_gateway_chassis} writes.
   */
  static Verb verb(String command) {
    for (String part : command.toLowerCase(Locale.ROOT).split("_")) {
      if (WRITE_VERBS.contains(part)) {
        return Verb.WRITE;
      }
      if (READ_VERBS.contains(part)) {
        return Verb.READ;
      }
    }
    return Verb.UNKNOWN;
  }

  /** Whether a call opens a transaction on an OVSDB API: {@code <api>.transaction(...)}. */
  static boolean isTransaction(Expr e, SemanticModel model) {
    return e instanceof Call c
        && c.func() instanceof Attribute a
        && a.attr().equals("transaction")
        && model.kindOf(a.value()) == ValueKind.OVSDB_API;
  }

  /**
   * Whether the node being visited sits in the body of a {@code with <API>.transaction(...)} block
   * of its own function: ovsdbapp then reuses that transaction for the commands executed inside it.
   */
  static boolean inTransactionBlock(Node node, RuleContext ctx) {
    Node child = node;
    for (Node n : ctx.ancestors()) {
      if (NodeVisitor.opensScope(n)) {
        return false;
      }
      // The with statement's own items (the transaction call itself) are not in its body.
      if (n instanceof Ast.WithLike w && !(child instanceof Ast.WithItem)) {
        for (Ast.WithItem item : w.items()) {
          if (isTransaction(item.contextExpr(), ctx.semantic())) {
            return true;
          }
        }
      }
      child = n;
    }
    return false;
  }
}
