package com.googlesource.gerrit.plugins.securityreview.rules.general.crypto;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.rules.LocalNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** PY308: paramiko's {@code exec_command} given a command line built from values. */
public final class ParamikoCommandBuilt extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("PY308")
          .name("paramiko-command-built")
          .title("Remote shell command built from values and run with paramiko")
          .severity(Severity.HIGH)
          .confidence(Confidence.MEDIUM)
          .family(Family.CRYPTO)
          .bandit("B601")
          .ruff("S601")
          .why(
              "`exec_command` hands the string to the remote user's shell, so a value containing"
                  + " `;`, `$(...)` or a quote runs its own commands on the remote host.")
          .fix(
              "Quote every interpolated value with `shlex.quote()` (or build the line with"
                  + " `shlex.join()`), or validate it against a strict pattern first.")
          .doc(
              """
              ## What it does

              In files that import paramiko, flags `<client>.exec_command(command)` when the command
              is built in place or in a local variable assigned once: an f-string with interpolated
              values, `%` or `.format()` formatting, a concatenation with a non-literal, or a `'
              '.join(...)` of a non-literal list.

              Silent: literal commands, commands whose every interpolated value goes through
              `shlex.quote()` / `pipes.quote()` (or that `shlex.join()` builds), commands passed in
              as parameters (the caller builds them: review there), files that do not import
              paramiko, and test code. Bandit B601 flags every `exec_command` in a file that imports
              paramiko, literal commands included; Ruff S601 only matches a module-level
              `paramiko.exec_command`, which does not exist, so it never fires.

              ## Why it matters

              Drivers that configure switches or hypervisors over SSH build commands from port,
              network and host data: VLAN ids are safe, but names, descriptions and binding profile
              values are tenant-controlled strings.

              ## Example

              ```python
              cmd = 'ovs-vsctl set port %s tag=%s' % (port_name, vlan)
              stdin, stdout, stderr = client.exec_command(cmd, timeout=30)
              ```

              ## Use instead

              ```python
              cmd = 'ovs-vsctl set port %s tag=%d' % (shlex.quote(port_name), int(vlan))
              stdin, stdout, stderr = client.exec_command(cmd, timeout=30)
              ```

              ## References

              - Bandit B601: paramiko_calls <https://bandit.readthedocs.io/en/latest/plugins/b601_paramiko_calls.html>
              - Ruff S601: paramiko-call <https://docs.astral.sh/ruff/rules/paramiko-call/>
              - CWE-78: OS Command Injection <https://cwe.mitre.org/data/definitions/78.html>
              """)
          .build();

  private static final Set<String> QUOTES =
      Set.of("shlex.quote", "pipes.quote", "shlex.join", "int");

  public ParamikoCommandBuilt() {
    super(META);
    on(Node.class, this::visit);
  }

  private void visit(Node node, RuleContext ctx) {
    if (!(node instanceof Ast.Call c)
        || !(c.func() instanceof Ast.Attribute a)
        || !a.attr().equals("exec_command")
        || !importsParamiko(ctx)) {
      return;
    }
    Expr command = RuleContext.argument(c, 0, "command");
    if (command == null) {
      return;
    }
    Expr built = command;
    if (command instanceof Ast.Name n) {
      built = LocalNames.localValue(ctx, n);
      if (built == null) {
        return;
      }
    }
    List<Expr> values = interpolated(built);
    if (values == null) {
      return;
    }
    for (Expr v : values) {
      if (!isSafe(ctx, v)) {
        ctx.report(
            this,
            command,
            "The command run by `exec_command` interpolates `"
                + shorten(ctx.text(v))
                + "` without shell quoting.");
        return;
      }
    }
  }

  /** The values a command string is built from, or null when it is not built by formatting. */
  private static List<Expr> interpolated(Expr e) {
    List<Expr> values = new ArrayList<>();
    switch (e) {
      case Ast.JoinedStr j -> {
        for (Expr part : j.values()) {
          if (part instanceof Ast.FormattedValue f) {
            values.add(f.value());
          }
        }
      }
      case Ast.BinOp b when b.op() == Ast.Operator.Mod && Literals.string(b.left()) != null -> {
        if (b.right() instanceof Ast.Tuple t) {
          values.addAll(t.elts());
        } else if (b.right() instanceof Ast.Dict d) {
          values.addAll(d.values());
        } else {
          values.add(b.right());
        }
      }
      case Ast.BinOp b when b.op() == Ast.Operator.Add -> addOperands(b, values);
      case Ast.Call c
          when c.func() instanceof Ast.Attribute a
              && a.attr().equals("format")
              && Literals.string(a.value()) != null -> {
        values.addAll(c.args());
        c.keywords().forEach(k -> values.add(k.value()));
      }
      case Ast.Call c
          when c.func() instanceof Ast.Attribute a
              && a.attr().equals("join")
              && Literals.string(a.value()) != null
              && c.args().size() == 1 -> {
        Expr list = c.args().get(0);
        if (list instanceof Ast.List l) {
          values.addAll(l.elts());
        } else if (list instanceof Ast.Tuple t) {
          values.addAll(t.elts());
        } else {
          values.add(list);
        }
      }
      default -> {
        return null;
      }
    }
    return values;
  }

  private static void addOperands(Expr e, List<Expr> out) {
    if (e instanceof Ast.BinOp b && b.op() == Ast.Operator.Add) {
      addOperands(b.left(), out);
      addOperands(b.right(), out);
    } else {
      out.add(e);
    }
  }

  private static boolean isSafe(RuleContext ctx, Expr v) {
    if (v instanceof Ast.Constant) {
      return true; // Literals, numbers included.
    }
    return v instanceof Ast.Call c && QUOTES.contains(String.valueOf(ctx.callName(c)));
  }

  private boolean importsParamiko(RuleContext ctx) {
    return ctx.state(this, () -> ParamikoImports.present(ctx.module()));
  }

  private static String shorten(String text) {
    String oneLine = text.replaceAll("\\s+", " ");
    return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 37) + "...";
  }

  /** Whether a module imports paramiko anywhere (function-level imports included). */
  private static final class ParamikoImports {
    private ParamikoImports() {}

    static boolean present(Ast.Module module) {
      boolean[] found = {false};
      new com.googlesource.gerrit.plugins.securityreview.python.NodeVisitor() {
        @Override
        protected boolean enter(Node node) {
          if (node instanceof Ast.Import i) {
            i.names().forEach(a -> found[0] |= isParamiko(a.name()));
          } else if (node instanceof Ast.ImportFrom f && f.level() == 0) {
            found[0] |= isParamiko(f.module());
          }
          return !found[0];
        }
      }.visit(module);
      return found[0];
    }

    private static boolean isParamiko(String module) {
      return module != null && (module.equals("paramiko") || module.startsWith("paramiko."));
    }
  }
}
