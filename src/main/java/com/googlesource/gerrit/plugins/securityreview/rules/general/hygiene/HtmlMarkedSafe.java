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
import com.googlesource.gerrit.plugins.securityreview.python.semantic.OriginPolicy;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.Origins;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import java.util.Set;

/**
 * PY403: text carrying unescaped data marked as safe HTML (Django mark_safe, markupsafe.Markup).
 */
public final class HtmlMarkedSafe extends Rule {
  private static final String MARK_SAFE = "django.utils.safestring.mark_safe";

  private static final Set<String> MARKERS =
      Set.of(
          MARK_SAFE,
          "django.utils.safestring.SafeString",
          "django.utils.safestring.SafeText",
          "django.utils.safestring.SafeUnicode",
          "django.utils.safestring.SafeBytes",
          "markupsafe.Markup",
          "flask.Markup",
          "jinja2.Markup");

  /** The packages of the markers, {@code @mark_safe}'s among them. */
  private static final Set<String> PACKAGES = DottedNames.firstParts(MARKERS);

  static final RuleMeta META =
      RuleMeta.builder("PY403")
          .name("html-marked-safe")
          .title("Unescaped data marked as safe HTML")
          .severity(Severity.MEDIUM)
          .confidence(Confidence.MEDIUM)
          .family(Family.HYGIENE)
          .bandit("B308,B703")
          .ruff("S308,S704")
          .why(
              "Marked text skips the template's escaping, so a tenant-controlled name or"
                  + " description inside it is written into the page as markup and script"
                  + " (cross-site scripting).")
          .fix(
              "Build the fragment with `format_html(...)` (Django) or"
                  + " `Markup(\"...{}\").format(...)` (markupsafe), which escape the values they"
                  + " insert.")
          .doc(
              """
              ## What it does

              Flags calls of Django's `mark_safe`, `SafeString` (and its older aliases) and of
              `markupsafe.Markup` (also reached as `flask.Markup` and `jinja2.Markup`) whose
              argument visibly carries unescaped data: a parameter, an attribute or item read
              (`network.name`, `port['description']`, `self.message`), or a name bound to one by any
              assignment that can reach the call (a loop or unpacking over such data included), put
              in by concatenation, `%`, `format`, f-strings, `join` or a loop of `append`s without
              an escaping function (`escape`, `conditional_escape`, `format_html`,
              `markupsafe.escape`, `html.escape`). Literals, values formatted with `%d`,
              translations (`_()`) and what other functions return are not data here: a helper's
              output is judged where the helper builds it. A function decorated with `@mark_safe`
              (however it is imported) has everything it returns marked safe, so each of its
              `return` values is judged the same way and flagged where it carries such data; one
              that returns only literals or `format_html(...)` output is not. Test code is not
              checked.

              A template string (`t"..."`, Python 3.14) is not escaped by being one: `mark_safe()`
              and `Markup()` take text, and turn a `string.templatelib.Template` into its repr,
              which shows each interpolated value unescaped; so a t-string is judged by its
              interpolated values, as an f-string is. Code that renders a Template itself, escaping
              each value, is beyond what one file shows.

              ## Why it matters

              Ruff S308 flags every `mark_safe` call, literals included, and S704 every `Markup`
              call on a non-literal; Bandit B308/B703 do much the same. In Django code most of these
              calls join fragments that `format_html` has escaped already, so flagging them all
              teaches reviewers to ignore the rule. We flag the calls where tenant data visibly
              reaches the page unescaped, the ones a reviewer must stop at.

              ## Example

              ```python
              from django.utils.safestring import mark_safe

              def network_link(network):
                  return mark_safe('<a href="%s">%s</a>' % (network.url, network.name))
              ```

              ## Use instead

              ```python
              from django.utils.html import format_html

              def network_link(network):
                  return format_html('<a href="{}">{}</a>', network.url, network.name)
              ```

              ## References

              - Bandit B308: mark_safe <https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b308-mark-safe>
              - Bandit B703: django_mark_safe <https://bandit.readthedocs.io/en/latest/plugins/b703_django_mark_safe.html>
              - Ruff S308: suspicious-mark-safe-usage <https://docs.astral.sh/ruff/rules/suspicious-mark-safe-usage/>
              - Ruff S704: unsafe-markup-use <https://docs.astral.sh/ruff/rules/unsafe-markup-use/>
              - CWE-79: Cross-site scripting <https://cwe.mitre.org/data/definitions/79.html>
              """)
          .build();

  public HtmlMarkedSafe() {
    super(META);
    onNamesFrom(Call.class, PACKAGES, this::visitCall);
    onNamesFrom(Ast.FunctionLike.class, PACKAGES, this::visitFunction);
  }

  /**
   * {@code @mark_safe} on a function marks every string it returns as safe (Django applies it to
   * the result when it is given a callable), so each returned text is judged as a call's argument.
   */
  private void visitFunction(Ast.FunctionLike fn, RuleContext ctx) {
    SemanticModel model = ctx.semantic();
    boolean marked = false;
    for (int i = 0; i < fn.decoratorList().size() && !marked; i++) {
      marked = MARK_SAFE.equals(model.qualifiedName(fn.decoratorList().get(i)));
    }
    if (!marked) {
      return;
    }
    for (Expr returned : model.returns(fn)) {
      if (unescapedData(model, returned) != null) {
        ctx.report(
            this,
            returned,
            "`@mark_safe` on `"
                + fn.name()
                + "()` marks this returned text, which carries unescaped data, as safe HTML.");
      }
    }
  }

  private void visitCall(Call call, RuleContext ctx) {
    SemanticModel model = ctx.semantic();
    String name = model.callName(call);
    if (name == null || !MARKERS.contains(name) || call.args().size() != 1) {
      return;
    }
    Expr text = call.args().get(0);
    if (text instanceof Ast.Starred || unescapedData(model, text) == null) {
      return;
    }
    ctx.report(
        this,
        call,
        "`"
            + DottedNames.lastPart(name)
            + "(...)` marks text that carries unescaped data as safe HTML.");
  }

  /**
   * The first part of the marked text that carries unescaped data, or null. A template string is
   * not text: marking it turns it into its repr, which shows each interpolated value as it is, so
   * it is judged by those values.
   */
  private static Expr unescapedData(SemanticModel model, Expr text) {
    if (model.resolve(text) instanceof Ast.TemplateStr t) {
      for (Expr part : t.values()) {
        Expr unsafe =
            part instanceof Ast.Interpolation v
                ? Origins.firstUnsafePart(model, v.value(), OriginPolicy.HTML)
                : null;
        if (unsafe != null) {
          return unsafe;
        }
      }
      return null;
    }
    return Origins.firstUnsafePart(model, text, OriginPolicy.HTML);
  }
}
