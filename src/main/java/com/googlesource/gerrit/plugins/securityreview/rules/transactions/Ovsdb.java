package com.googlesource.gerrit.plugins.securityreview.rules.transactions;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Attribute;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Name;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.NodeVisitor;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the transaction rules know about ovsdbapp: which receivers are OVSDB API objects, and which
 * command names write. Names are all we have (Python is untyped), so the lists follow how Neutron
 * and ovsdbapp name things.
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

  /** The last part of a name or attribute chain ({@code _nb_idl} for {@code self._nb_idl}). */
  static String lastName(Expr e) {
    return switch (e) {
      case Name n -> n.id();
      case Attribute a -> a.attr();
      case null, default -> null;
    };
  }

  private static List<String> parts(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    while (n.startsWith("_")) {
      n = n.substring(1);
    }
    return List.of(n.split("_"));
  }

  /**
   * Whether an expression names an OVSDB API object of any database: the OVN NB or SB API ({@code
   * _nb_idl}, {@code nb_ovn}, {@code sb_api}, {@code ovn_nb_api}, {@code nbapi}) or the local Open
   * vSwitch one ({@code ovs_idl}, {@code ovsdb}, {@code ovs_api}).
   */
  static boolean isApi(Expr e) {
    String name = lastName(e);
    if (name == null) {
      return false;
    }
    List<String> p = parts(name);
    return p.contains("idl") || p.contains("ovsdb") || isNorthOrSouth(p) || isApiOf(p, "ovs");
  }

  /** Whether an expression names the OVN Northbound or Southbound API. */
  static boolean isOvnApi(Expr e) {
    String name = lastName(e);
    if (name == null) {
      return false;
    }
    List<String> p = parts(name);
    return isNorthOrSouth(p) || isApiOf(p, "ovn");
  }

  private static boolean isNorthOrSouth(List<String> p) {
    return p.contains("nb") || p.contains("sb") || p.contains("nbapi") || p.contains("sbapi");
  }

  private static boolean isApiOf(List<String> p, String db) {
    return p.contains(db) && (p.contains("api") || p.contains("idl"));
  }

  /** Whether a call is {@code <OVSDB API>.transaction(...)}. */
  static boolean isTransaction(Node n) {
    return n instanceof Call c
        && c.func() instanceof Attribute a
        && a.attr().equals("transaction")
        && isApi(a.value());
  }

  /**
   * Whether a node sits in the body of a {@code with <API>.transaction(...)} block of its own
   * function: ovsdbapp then reuses that transaction for the commands executed inside it.
   */
  static boolean inTransactionBlock(Node node, Iterable<Node> ancestors) {
    Node child = node;
    for (Node n : ancestors) {
      if (NodeVisitor.opensScope(n)) {
        return false;
      }
      List<Ast.WithItem> items =
          switch (n) {
            case Ast.With w -> w.items();
            case Ast.AsyncWith w -> w.items();
            default -> List.of();
          };
      // The with statement's own items (the transaction call itself) are not in its body.
      if (!(child instanceof Ast.WithItem)) {
        for (Ast.WithItem item : items) {
          if (isTransaction(item.contextExpr())) {
            return true;
          }
        }
      }
      child = n;
    }
    return false;
  }

  static boolean isConstant(Expr e, Object value) {
    return e instanceof Ast.Constant c && value.equals(c.value());
  }
}
