package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import java.util.Set;

/**
 * Reads of one key of an OVN row's settings column: {@code row.options.get(key)}, {@code
 * row['other_config'][key]}. OVN keeps settings there as text and parses them itself (ovn-nb(5),
 * ovn-sb(5)); {@code external_ids}, which only Neutron and other clients read, does not count.
 */
final class OvsdbMapReads {
  /** The map columns of the OVN NB and SB schemas whose values OVN itself parses. */
  static final Set<String> MAP_COLUMNS = Set.of("options", "other_config");

  private final SemanticModel model;

  OvsdbMapReads(SemanticModel model) {
    this.model = model;
  }

  boolean isMapValue(Expr e) {
    Expr v = model.resolve(e);
    Expr map =
        switch (v) {
          case Ast.Call c
              when c.func() instanceof Ast.Attribute a
                  && a.attr().equals("get")
                  && !c.args().isEmpty() ->
              a.value();
          case Ast.Subscript s -> s.value();
          case null, default -> null;
        };
    return map != null && isMapColumn(model.resolve(map));
  }

  private boolean isMapColumn(Expr e) {
    return switch (e) {
      case Ast.Attribute a ->
          MAP_COLUMNS.contains(a.attr())
              && !(a.value() instanceof Ast.Name n && model.selfClass(n) != null);
      case Ast.Subscript s ->
          model.constantString(s.slice()).map(MAP_COLUMNS::contains).orElse(false);
      case null, default -> false;
    };
  }
}
