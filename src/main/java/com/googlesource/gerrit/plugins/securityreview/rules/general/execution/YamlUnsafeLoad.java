package com.googlesource.gerrit.plugins.securityreview.rules.general.execution;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Fix;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Attribute;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Name;
import com.googlesource.gerrit.plugins.securityreview.python.DottedNames;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** PY103: {@code yaml.load} without a safe loader, and PyYAML's unsafe and full loaders. */
public final class YamlUnsafeLoad extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("PY103")
          .name("yaml-unsafe-load")
          .title("`yaml.load` without a safe loader can build arbitrary Python objects")
          .severity(Severity.MEDIUM)
          .confidence(Confidence.HIGH)
          .family(Family.EXECUTION)
          .bandit("B506")
          .ruff("S506")
          .why(
              "PyYAML's full and unsafe loaders construct the Python objects a document names"
                  + " (`!!python/object/apply:os.system`), so a crafted YAML file or API payload"
                  + " runs code.")
          .fix("Use `yaml.safe_load()` (or `Loader=yaml.SafeLoader` / `yaml.CSafeLoader`).")
          .doc(
              """
              ## What it does

              Flags `yaml.load()` and `yaml.load_all()` (imports resolved) whose `Loader` is missing
              or is not a safe one, and every call of `yaml.unsafe_load`, `yaml.unsafe_load_all`,
              `yaml.full_load` and `yaml.full_load_all`. Safe loaders: `SafeLoader`, `CSafeLoader`,
              `BaseLoader` and `CBaseLoader` of `yaml`, `yaml.loader` or `yaml.cyaml`, a class the
              file derives from one of them, a name bound to one by an import or by every
              assignment of it (`Loader = getattr(yaml, 'CSafeLoader', yaml.SafeLoader)`, or one
              loader in each branch of an `if`). Silent: `yaml.safe_load`,
              `yaml.safe_load_all`, `yaml.load` methods of other objects, and test code. A
              one-argument `yaml.load(stream)` gets a fix: `yaml.safe_load(stream)`.

              ## Why it matters

              `yaml.load` with PyYAML's `Loader` or `UnsafeLoader` turns tags such as
              `!!python/object/apply` into calls; `FullLoader` (the default of PyYAML 5) had the
              same hole until 5.4 (CVE-2020-1747, CVE-2020-14343) and still builds Python objects.
              OpenStack reads YAML for policies, API samples and operator files, none of which needs
              more than plain values. Bandit (B506) and Ruff (S506) flag `yaml.load` with a loader
              other than `SafeLoader` or `CSafeLoader`; we also accept `BaseLoader` (it only builds
              strings) and follow loaders bound to names, and we also flag the `load_all`,
              `unsafe_load` and `full_load` spellings of the same thing.

              ## Example

              ```python
              import yaml

              def load_bridge_mappings(path):
                  with open(path) as f:
                      return yaml.load(f)
              ```

              ## Use instead

              ```python
              import yaml

              def load_bridge_mappings(path):
                  with open(path) as f:
                      return yaml.safe_load(f)
              ```

              ## References

              - Bandit B506: yaml_load <https://bandit.readthedocs.io/en/latest/plugins/b506_yaml_load.html>
              - Ruff S506: unsafe-yaml-load <https://docs.astral.sh/ruff/rules/unsafe-yaml-load/>
              - PyYAML: yaml.load(input) deprecation <https://github.com/yaml/pyyaml/wiki/PyYAML-yaml.load(input)-Deprecation>
              - CWE-502: Deserialization of Untrusted Data <https://cwe.mitre.org/data/definitions/502.html>
              """)
          .build();

  /** Calls that take a loader, and the safe function to use instead. */
  private static final Map<String, String> LOADER_CALLS =
      Map.of("yaml.load", "safe_load", "yaml.load_all", "safe_load_all");

  /** Calls that always use a loader that builds Python objects. */
  private static final Set<String> UNSAFE_CALLS =
      Set.of("yaml.unsafe_load", "yaml.unsafe_load_all", "yaml.full_load", "yaml.full_load_all");

  private static final Set<String> SAFE_LOADERS =
      Set.of("SafeLoader", "CSafeLoader", "BaseLoader", "CBaseLoader");

  /** How many names and choices a loader is followed through. */
  private static final int MAX_DEPTH = 4;

  private static final Set<String> LOADER_MODULES = Set.of("yaml", "yaml.loader", "yaml.cyaml");

  public YamlUnsafeLoad() {
    super(META);
    onNamesFrom(
        Call.class, DottedNames.firstParts(LOADER_CALLS.keySet(), UNSAFE_CALLS), this::visitCall);
  }

  private void visitCall(Call call, RuleContext ctx) {
    String name = ctx.callName(call);
    if (name == null) {
      return;
    }
    String callee = ctx.text(call.func());
    if (UNSAFE_CALLS.contains(name)) {
      ctx.report(
          this, call, "`" + callee + "()` loads YAML with a loader that builds Python objects.");
      return;
    }
    String safe = LOADER_CALLS.get(name);
    if (safe == null || RuleContext.hasUnpacking(call)) {
      return;
    }
    Expr loader = RuleContext.argument(call, 1, "Loader");
    if (loader == null) {
      ctx.report(
          this, call, "`" + callee + "()` is called without a `Loader`.", fix(ctx, call, safe));
    } else if (!isSafe(loader, ctx.semantic(), 0)) {
      ctx.report(
          this,
          call,
          "`" + callee + "()` uses `" + ctx.text(loader) + "`, which is not a safe loader.");
    }
  }

  /**
   * Whether a loader is safe: a safe loader class of PyYAML, a class of this file derived from one,
   * a name every assignment of which gives a safe loader, {@code getattr(yaml, 'CSafeLoader', ...)}
   * with a safe default, or a choice between safe loaders.
   */
  private static boolean isSafe(Expr loader, SemanticModel model, int depth) {
    if (depth > MAX_DEPTH) {
      return false;
    }
    String q = model.qualifiedName(loader);
    if (q != null && isSafeName(q)) {
      return true;
    }
    return switch (loader) {
      case Name n when !model.imports().isImported(n.id()) -> {
        Ast.ClassDef cls = model.sameFileClass(n);
        if (cls != null) {
          yield cls.bases().stream().anyMatch(b -> isSafe(b, model, depth + 1));
        }
        Expr reaching = model.reachingValue(n);
        List<Expr> values = reaching != null ? List.of(reaching) : model.assignedValues(n);
        yield !values.isEmpty()
            && values.stream().allMatch(v -> v != n && isSafe(v, model, depth + 1));
      }
      // getattr(yaml, 'CSafeLoader', yaml.SafeLoader)
      case Call c
          when "getattr".equals(model.callName(c))
              && c.args().size() >= 2
              && LOADER_MODULES.contains(model.qualifiedName(c.args().get(0))) ->
          model.constantString(c.args().get(1)).filter(SAFE_LOADERS::contains).isPresent()
              && (c.args().size() < 3
                  || model.isNone(c.args().get(2))
                  || isSafe(c.args().get(2), model, depth + 1));
      case Ast.BoolOp b ->
          b.values().stream().allMatch(v -> model.isNone(v) || isSafe(v, model, depth + 1));
      case Ast.IfExp i ->
          isSafe(i.body(), model, depth + 1) && isSafe(i.orelse(), model, depth + 1);
      default -> false;
    };
  }

  private static boolean isSafeName(String qualified) {
    int dot = qualified.lastIndexOf('.');
    return dot > 0
        && LOADER_MODULES.contains(qualified.substring(0, dot))
        && SAFE_LOADERS.contains(qualified.substring(dot + 1));
  }

  /**
   * {@code yaml.load(stream)} becomes {@code yaml.safe_load(stream)}, when spelled through yaml.
   */
  private static Fix fix(RuleContext ctx, Call call, String safe) {
    if (call.args().size() != 1
        || !call.keywords().isEmpty()
        || !(call.func() instanceof Attribute f)
        || !"yaml".equals(ctx.qualifiedName(f.value()))) {
      return null;
    }
    return new Fix(
        "Use yaml." + safe + "()",
        List.of(ctx.replace(call.func(), ctx.text(f.value()) + "." + safe)));
  }
}
