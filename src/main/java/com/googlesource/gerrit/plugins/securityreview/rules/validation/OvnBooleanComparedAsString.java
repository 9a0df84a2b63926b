package com.googlesource.gerrit.plugins.securityreview.rules.validation;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import java.util.Locale;
import java.util.Optional;

/**
 * OVN107: a boolean kept in an OVN row's map column compared as text with {@code "true"} or {@code
 * "false"}, where OVN itself reads it without regard to case.
 */
public final class OvnBooleanComparedAsString extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("OVN107")
          .name("ovn-boolean-compared-as-string")
          .title("OVN option read as a boolean by comparing its text with `'true'` or `'false'`")
          .severity(Severity.MEDIUM)
          .confidence(Confidence.MEDIUM)
          .family(Family.INPUT_VALIDATION)
          .why(
              "OVN reads a boolean option without regard to case (`True`, `TRUE` and `true` are"
                  + " all true, and an option that defaults to true is true unless it says"
                  + " false), so a Python string comparison can disagree with what OVN applies.")
          .fix(
              "Read the value as OVN does: `strutils.bool_from_string(value)` (oslo.utils), or"
                  + " compare `value.lower()`.")
          .doc(
              """
              ## What it does

              In OVN code (a path with "ovn" in it), flags `==` and `!=` between one key of an OVN
              row's settings column (`row.options.get(key)`, `row.other_config[key]`,
              `row['options'].get(key)`, also through a name bound to one) and the text
              `'true'` or `'false'` (a literal, a name bound to one, or a conditional that gives
              one of them). Silent: the value lowered first (`value.lower() == 'true'`),
              `strutils.bool_from_string(value)`, other literals (`'localnet'`, numbers),
              `external_ids` (OVN does not read it; Neutron compares what it wrote itself), the
              class's own `self.options`, and files that are not OVN code.

              ## Why it matters

              OVN and ovn-controller read boolean options with `smap_get_bool()`, which compares
              case-insensitively: `True` written by one Neutron code path and `true` written by
              another mean the same to OVN. Python's `==` does not agree: a check of
              `options.get('dhcpv6_stateless') != 'true'` takes a stateless DHCPv6 subnet for a
              stateful one, and a maintenance task that compares `'false'` keeps re-writing an
              option OVN already applies, or leaves one that OVN reads differently from what the
              check believes. Decisions about DHCP, FDB learning and ARP handling are then made on a
              value that is not the one in force.

              ## Example

              ```python
              learn_fdb = port.options.get(ovn_const.LSP_OPTIONS_LOCALNET_LEARN_FDB)
              if learn_fdb == 'true':
                  disable_learning(port)
              ```

              ## Use instead

              ```python
              from oslo_utils import strutils

              learn_fdb = port.options.get(ovn_const.LSP_OPTIONS_LOCALNET_LEARN_FDB)
              if strutils.bool_from_string(learn_fdb):
                  disable_learning(port)
              ```

              ## References

              - ovn-nb(5), Logical_Switch_Port options <https://man7.org/linux/man-pages/man5/ovn-nb.5.html>
              - Open vSwitch `smap_get_bool()` <https://github.com/openvswitch/ovs/blob/main/lib/smap.c>
              - oslo.utils `strutils.bool_from_string` <https://docs.openstack.org/oslo.utils/latest/reference/strutils.html>
              """)
          .build();

  public OvnBooleanComparedAsString() {
    super(META);
    checksOnlyPaths(OvnCode::contains);
    on(Ast.Compare.class, this::visitCompare);
  }

  private void visitCompare(Ast.Compare compare, RuleContext ctx) {
    if (compare.ops().size() != 1) {
      return;
    }
    Ast.CmpOp op = compare.ops().get(0);
    if (op != Ast.CmpOp.Eq && op != Ast.CmpOp.NotEq) {
      return;
    }
    SemanticModel model = ctx.semantic();
    Expr left = compare.left();
    Expr right = compare.comparators().get(0);
    Expr option = model.isOvsdbMapValue(left) ? left : model.isOvsdbMapValue(right) ? right : null;
    if (option == null) {
      return;
    }
    Optional<String> word = booleanWord(option == left ? right : left, model);
    if (word.isEmpty()) {
      return;
    }
    ctx.report(
        this,
        compare,
        "`"
            + ctx.text(option)
            + "` is an OVN option compared as text with `'"
            + word.get()
            + "'`; OVN takes any case of the word, and this comparison does not.");
  }

  /**
   * The text {@code true} or {@code false} a value always is (a literal, through a name, or either
   * branch of a conditional), in its own spelling; empty otherwise.
   */
  private static Optional<String> booleanWord(Expr e, SemanticModel model) {
    Expr v = model.resolve(e);
    if (v instanceof Ast.IfExp i) {
      Optional<String> body = booleanWord(i.body(), model);
      return body.isPresent() && booleanWord(i.orelse(), model).isPresent()
          ? body
          : Optional.empty();
    }
    return model
        .constantString(v)
        .filter(
            s -> {
              String lower = s.toLowerCase(Locale.ROOT);
              return lower.equals("true") || lower.equals("false");
            });
  }
}
