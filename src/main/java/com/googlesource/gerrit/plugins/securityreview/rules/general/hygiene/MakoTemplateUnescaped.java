package com.googlesource.gerrit.plugins.securityreview.rules.general.hygiene;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.DottedNames;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PY402: a mako template or lookup that does not escape what it renders. */
public final class MakoTemplateUnescaped extends Rule {
  private static final Set<String> CALLS =
      Set.of("mako.template.Template", "mako.lookup.TemplateLookup");

  /** mako's escaping filters: HTML, XML and URL. */
  private static final Set<String> ESCAPES =
      Set.of("h", "x", "u", "html_escape", "xml_escape", "url_escape");

  /** A {@code ${...}} expression; group 1 is its text. Nested braces are rare in templates. */
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");

  /** The filters of an expression: {@code ${ name | h, trim }}. */
  private static final Pattern FILTERS = Pattern.compile("\\|\\s*([\\w\\s,.]+)$");

  static final RuleMeta META =
      RuleMeta.builder("PY402")
          .name("mako-template-unescaped")
          .title("mako template rendered without HTML escaping")
          .severity(Severity.MEDIUM)
          .confidence(Confidence.MEDIUM)
          .family(Family.HYGIENE)
          .bandit("B702")
          .ruff("S702")
          .why(
              "mako writes `${...}` values out as they are, so a name or description a tenant"
                  + " controls can inject markup and script (cross-site scripting).")
          .fix("Pass `default_filters=['h']` (or escape each expression with `| h`).")
          .doc(
              """
              ## What it does

              Flags `mako.template.Template(...)` and `mako.lookup.TemplateLookup(...)` calls,
              unless `default_filters` names an escaping filter (`h`, `x`, `u`) or the template is a
              constant string (a literal, or built from literals and names bound to them) in which
              every `${...}` expression is escaped (or which has none). Calls that pass `**kwargs`
              are left alone. Test code is not checked.

              ## Why it matters

              mako has no autoescaping switch: its default filter only turns values into strings.
              Ruff (S702) and Bandit (B702) flag every `Template(...)`; we also flag
              `TemplateLookup`, where applications usually configure their templates, and stay
              silent where escaping is visibly on, which both tools do not see.

              ## Example

              ```python
              from mako.template import Template

              page = Template(filename="router.html").render(router=router)
              ```

              ## Use instead

              ```python
              from mako.template import Template

              page = Template(filename="router.html", default_filters=["h"]).render(
                  router=router)
              ```

              ## References

              - Bandit B702: use_of_mako_templates <https://bandit.readthedocs.io/en/latest/plugins/b702_use_of_mako_templates.html>
              - Ruff S702: mako-templates <https://docs.astral.sh/ruff/rules/mako-templates/>
              - Mako: expression escaping <https://docs.makotemplates.org/en/latest/filtering.html>
              - OpenStack security guidelines: cross site scripting <https://security.openstack.org/guidelines/dg_cross-site-scripting-xss.html>
              """)
          .build();

  public MakoTemplateUnescaped() {
    super(META);
    onNamesFrom(Call.class, DottedNames.firstParts(CALLS), this::visitCall);
  }

  private void visitCall(Call call, RuleContext ctx) {
    SemanticModel model = ctx.semantic();
    String name = model.callName(call);
    if (name == null || !CALLS.contains(name) || RuleContext.hasUnpacking(call)) {
      return;
    }
    if (escapesByDefault(model, RuleContext.keyword(call, "default_filters"))) {
      return;
    }
    Expr text = RuleContext.argument(call, 0, "text");
    if (name.endsWith(".Template")
        && text != null
        && model.constantString(text).filter(MakoTemplateUnescaped::allEscaped).isPresent()) {
      return;
    }
    ctx.report(
        this,
        call.func(),
        "`" + DottedNames.lastPart(name) + "(...)` renders its expressions without escaping.");
  }

  /** Whether the filters, a list or tuple however they are bound, name an escaping one. */
  private static boolean escapesByDefault(SemanticModel model, Expr filters) {
    if (filters == null) {
      return false;
    }
    List<Expr> elts =
        switch (model.resolve(filters)) {
          case Ast.List l -> l.elts();
          case Ast.Tuple t -> t.elts();
          default -> List.of();
        };
    return elts.stream()
        .anyMatch(
            e -> model.constantString(e).filter(s -> ESCAPES.contains(s.strip())).isPresent());
  }

  /** Whether every {@code ${...}} in a template text goes through an escaping filter. */
  static boolean allEscaped(String text) {
    Matcher m = EXPRESSION.matcher(text);
    while (m.find()) {
      Matcher f = FILTERS.matcher(m.group(1).strip());
      if (!f.find()) {
        return false;
      }
      boolean escaped = false;
      for (String filter : f.group(1).split(",")) {
        // "n" switches the default filters off; it does not escape.
        escaped |= ESCAPES.contains(filter.strip());
      }
      if (!escaped) {
        return false;
      }
    }
    return true;
  }
}
