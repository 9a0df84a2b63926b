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
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;

/** PY406: chmod to a world-writable or setuid mode, or a umask that lets files be so. */
public final class PermissiveFileMode extends Rule {
  /** Calls that set a mode as their second argument. */
  private static final Set<String> OS_CHMODS =
      Set.of("os.chmod", "os.lchmod", "os.fchmod", "posix.chmod", "posix.lchmod", "posix.fchmod");

  private static final int WORLD_WRITE = 0002;
  private static final int SETUID = 04000;

  /**
   * A mode written in decimal that reads like octal digits (777, 644). Only flagged when the
   * decimal value sets special bits (it is 512 or more), so that the deliberate decimal spelling of
   * a common mode ({@code 420} for 0o644) is left alone.
   */
  private static final Pattern DECIMAL_OCTAL_LOOKALIKE = Pattern.compile("[1-7][0-7]{2,3}");

  static final RuleMeta META =
      RuleMeta.builder("PY406")
          .name("permissive-file-mode")
          .title("File mode or umask that makes files world-writable or setuid")
          .severity(Severity.HIGH)
          .confidence(Confidence.HIGH)
          .family(Family.HYGIENE)
          .bandit("B103")
          .ruff("S103")
          .why(
              "Any local user, or any process of another service on the node, can then rewrite the"
                  + " file: configuration, pid files and sockets an agent trusts become a way in.")
          .fix(
              "Grant the least access needed (0o600 or 0o640 for files, 0o750 or 0o700 for"
                  + " directories) and share through a group, not through others.")
          .doc(
              """
              ## What it does

              Flags `os.chmod`, `os.lchmod`, `os.fchmod` and `Path.chmod` calls whose mode can be
              worked out (an integer, `stat.S_*` constants combined with `|`, `+`, `&` or `~`, or a
              name bound to such a value, a module constant included) and gives write access to
              others or sets the setuid bit; a mode written in decimal that reads like octal (`644`,
              `777`), which sets quite different bits; and `os.umask(...)` with a mask that leaves
              write access for others open (`os.umask(0)`). The `stat` constants are known however
              they are imported (`import stat as st`, `from stat import S_IWOTH as W`). Modes it
              cannot work out, and the mode arguments of `os.open`, `os.mkdir` and `os.makedirs`,
              are left alone: those are filtered through the umask, and 0o777 is their default.
              Test code is not checked.

              ## Why it matters

              Ruff S103 and Bandit B103 flag `os.chmod` only, and also flag group execute (0o755,
              0o750), the usual mode of scripts and directories, which we leave alone: the defect is
              write access for others or a setuid bit, which we also find through `Path.chmod`,
              `fchmod` and `umask`. The setgid bit is not flagged: on directories it is the normal
              way to share with a group.

              ## Example

              ```python
              def _write_config(self, path, content):
                  with open(path, "w") as f:
                      f.write(content)
                  os.chmod(path, 0o666)
              ```

              ## Use instead

              ```python
              def _write_config(self, path, content):
                  with open(path, "w") as f:
                      f.write(content)
                  os.chmod(path, 0o640)
              ```

              ## References

              - Bandit B103: set_bad_file_permissions <https://bandit.readthedocs.io/en/latest/plugins/b103_set_bad_file_permissions.html>
              - Ruff S103: bad-file-permissions <https://docs.astral.sh/ruff/rules/bad-file-permissions/>
              - OpenStack security guidelines: apply restrictive file permissions <https://security.openstack.org/guidelines/dg_apply-restrictive-file-permissions.html>
              - CWE-732: Incorrect Permission Assignment for Critical Resource <https://cwe.mitre.org/data/definitions/732.html>
              """)
          .build();

  public PermissiveFileMode() {
    super(META);
    on(Call.class, this::visitCall);
  }

  private void visitCall(Call call, RuleContext ctx) {
    SemanticModel model = ctx.semantic();
    String name = model.callName(call);
    if ("os.umask".equals(name) || "posix.umask".equals(name)) {
      checkUmask(ctx, call);
      return;
    }
    Expr mode = modeArgument(name, call);
    Integer bits = bits(model, mode);
    if (bits == null) {
      return;
    }
    // The literal the mode is spelled with, through the names it is bound to.
    String text =
        model.resolve(mode) instanceof Ast.Constant c && c.value() instanceof BigInteger
            ? ctx.text(c)
            : "";
    if (DECIMAL_OCTAL_LOOKALIKE.matcher(text).matches() && bits > 0777) {
      ctx.report(
          this,
          mode,
          "Mode `" + text + "` is decimal, that is " + octal(bits) + ", not 0o" + text + ".");
    } else if ((bits & WORLD_WRITE) != 0) {
      ctx.report(this, mode, "Mode " + octal(bits) + " lets anyone write.");
    } else if ((bits & SETUID) != 0) {
      ctx.report(this, mode, "Mode " + octal(bits) + " sets the setuid bit.");
    }
  }

  /** The mode argument of a chmod call, or null when the call is not one. */
  private static Expr modeArgument(String name, Call call) {
    if (name != null && OS_CHMODS.contains(name)) {
      return RuleContext.argument(call, 1, "mode");
    }
    // pathlib: path.chmod(mode); only the one-argument form, so module helpers with another
    // signature (chmod(path, mode)) are not misread.
    if (call.func() instanceof Ast.Attribute a
        && (a.attr().equals("chmod") || a.attr().equals("lchmod"))
        && !RuleContext.hasUnpacking(call)
        && call.args().size() + (RuleContext.keyword(call, "mode") == null ? 0 : 1) == 1) {
      return RuleContext.argument(call, 0, "mode");
    }
    return null;
  }

  private void checkUmask(RuleContext ctx, Call call) {
    Expr mask = RuleContext.argument(call, 0, "mask");
    Integer bits = bits(ctx.semantic(), mask);
    if (bits != null && (bits & WORLD_WRITE) == 0) {
      ctx.report(
          this,
          mask,
          "`umask("
              + octal(bits)
              + ")` lets files and sockets created afterwards be world-writable.");
    }
  }

  /**
   * The permission bits of a mode the model folds to an integer (literals, {@code stat.S_*}
   * constants, {@code | & ^ + ~}, names bound to them), or null. A negative value comes from {@code
   * ~}: its low bits are the mode, as for the kernel.
   */
  private static Integer bits(SemanticModel model, Expr mode) {
    if (mode == null
        || !(model.constantValue(mode).orElse(null) instanceof BigInteger value)
        || value.bitLength() > 16) {
      return null;
    }
    return value.intValue() & (value.signum() < 0 ? 07777 : 0xFFFF);
  }

  private static String octal(int bits) {
    return String.format("0o%03o", bits);
  }
}
