package com.googlesource.gerrit.plugins.securityreview.rules.general.hygiene;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Keyword;
import com.googlesource.gerrit.plugins.securityreview.python.DottedNames;
import java.util.Set;

/** PY401: a jinja2 environment or template that does not escape HTML. */
public final class Jinja2AutoescapeOff extends Rule {
  /** Environments: autoescape is off unless it is asked for. */
  private static final Set<String> ENVIRONMENTS =
      Set.of(
          "jinja2.Environment",
          "jinja2.environment.Environment",
          "jinja2.sandbox.SandboxedEnvironment",
          "jinja2.sandbox.ImmutableSandboxedEnvironment");

  /** Templates built from a string: flagged only when autoescape is switched off explicitly. */
  private static final Set<String> TEMPLATES =
      Set.of("jinja2.Template", "jinja2.environment.Template");

  static final RuleMeta META =
      RuleMeta.builder("PY401")
          .name("jinja2-autoescape-off")
          .title("jinja2 environment or template without HTML autoescaping")
          .severity(Severity.MEDIUM)
          .confidence(Confidence.MEDIUM)
          .family(Family.HYGIENE)
          .bandit("B701")
          .ruff("S701")
          .why(
              "Values rendered into HTML are then written out unescaped, so a name or description a"
                  + " tenant controls can inject markup and script (cross-site scripting).")
          .fix(
              "Pass `autoescape=True` or `autoescape=jinja2.select_autoescape()`, and mark the few"
                  + " trusted fragments with `|safe`.")
          .doc(
              """
              ## What it does

              Flags `jinja2.Environment(...)` (and the sandboxed environments) created without an
              `autoescape` argument or with `autoescape` set to a false constant (`False`, `None`,
              `0`, also through a name bound to one), and `jinja2.Template(...)` with an explicit
              `autoescape=False`. Stays silent for `autoescape=True`, any `select_autoescape(...)`
              call, an autoescape callable, values it cannot work out (a parameter, a config
              option), calls that pass `**kwargs`, and `jinja2.Template(source)` without the
              argument: like Bandit and Ruff it leaves those alone, because OpenStack builds
              haproxy, radvd, keepalived and conntrackd configuration files that way, where HTML
              escaping would be wrong. Test code is not checked.

              ## Why it matters

              jinja2 escapes nothing unless told to. Where a template produces HTML (a dashboard
              page, an error page, a metadata response) every value a tenant controls, such as a
              network name or a port description, lands in the page as markup. Ruff (S701) and
              Bandit (B701) flag the same calls; unlike Ruff we do not flag an autoescape value we
              cannot evaluate, and we accept `jinja2.select_autoescape(...)` however it is imported.

              ## Example

              ```python
              import jinja2

              env = jinja2.Environment(loader=jinja2.PackageLoader("neutron_ui"))
              page = env.get_template("ports.html").render(ports=ports)
              ```

              ## Use instead

              ```python
              import jinja2

              env = jinja2.Environment(
                  loader=jinja2.PackageLoader("neutron_ui"),
                  autoescape=jinja2.select_autoescape(),
              )
              page = env.get_template("ports.html").render(ports=ports)
              ```

              ## References

              - Bandit B701: jinja2_autoescape_false <https://bandit.readthedocs.io/en/latest/plugins/b701_jinja2_autoescape_false.html>
              - Ruff S701: jinja2-autoescape-false <https://docs.astral.sh/ruff/rules/jinja2-autoescape-false/>
              - Jinja API: autoescaping <https://jinja.palletsprojects.com/en/stable/api/#autoescaping>
              - CWE-79: Cross-site scripting <https://cwe.mitre.org/data/definitions/79.html>
              """)
          .build();

  public Jinja2AutoescapeOff() {
    super(META);
    onNamesFrom(Call.class, DottedNames.firstParts(ENVIRONMENTS, TEMPLATES), this::visitCall);
  }

  private void visitCall(Call call, RuleContext ctx) {
    String name = ctx.semantic().callName(call);
    if (name == null) {
      return;
    }
    boolean environment = ENVIRONMENTS.contains(name);
    if (!environment && !TEMPLATES.contains(name)) {
      return;
    }
    Keyword autoescape = keyword(call, "autoescape");
    String what = DottedNames.lastPart(name);
    if (autoescape == null) {
      // **kwargs may carry autoescape; a bare Template(source) is left alone (see the page).
      if (environment && !RuleContext.hasUnpacking(call)) {
        ctx.report(this, call.func(), "`" + what + "(...)` is created without `autoescape`.");
      }
      return;
    }
    if (ctx.semantic().isFalsy(autoescape.value())) {
      ctx.report(this, autoescape, "`" + what + "(...)` is created with autoescaping off.");
    }
  }

  /** The keyword itself, not its value: the finding marks {@code autoescape=False}. */
  private static Keyword keyword(Call call, String name) {
    for (Keyword k : call.keywords()) {
      if (name.equals(k.arg())) {
        return k;
      }
    }
    return null;
  }
}
