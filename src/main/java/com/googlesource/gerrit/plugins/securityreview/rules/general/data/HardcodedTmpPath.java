package com.googlesource.gerrit.plugins.securityreview.rules.general.data;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.DottedNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** PY203: a fixed path under /tmp, /var/tmp or /dev/shm used as a file or folder. */
public final class HardcodedTmpPath extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("PY203")
          .name("hardcoded-tmp-path")
          .title(
              "Fixed, predictable path in a world-writable temporary folder used as a file or"
                  + " folder")
          .severity(Severity.MEDIUM)
          .confidence(Confidence.MEDIUM)
          .family(Family.DATA)
          .bandit("B108")
          .ruff("S108")
          .why(
              "Any local user can create that path first, or a symlink by that name, and so read or"
                  + " redirect what the service writes there.")
          .fix(
              "Create the file or folder with `tempfile` (`mkstemp`, `mkdtemp`,"
                  + " `NamedTemporaryFile`), or use a path under the service's own `state_path`.")
          .doc(
              """
              ## What it does

              Flags string literals (plain, f-string, `+`, `%` or `.format()` built) that start with
              `/tmp`, `/var/tmp` or `/dev/shm` when they are used as a path: passed to `open()`,
              `os.*`, `os.path.join`, `shutil.*`, `pathlib.Path`, a logging file handler or a method
              such as `mkdir`, `makedirs`, `ensure_tree`, `replace_file`, `bind` or `connect`;
              passed as a keyword argument named like a path (`lock_path=`, `log_dir=`,
              `pid_file=`); assigned to a name, attribute or dict key named like a path (`*path`,
              `*file`, `*dir`, `*socket`, ...); the default of a parameter named like a path; or the
              `default` (or `set_override` / `set_default` value) of an oslo.config option named
              like a path. Ruff's S108 and Bandit's B108 flag every string that starts with `/tmp`,
              help texts, log messages and comparisons included; this rule stays silent on those, on
              the `dir=` of `tempfile` calls (a random name in `/tmp` is fine), and on test code
              (Neutron ignores S108 in tests).

              ## Why it matters

              Agents run as root and `/tmp` is writable by every local user. A fixed name there lets
              another user pre-create the file or plant a symlink to a system file before the agent
              opens it: the agent then overwrites the target, or reads and acts on the attacker's
              content (a pid file, a socket, a config snippet). The name alone does not prove the
              path is opened insecurely, hence medium confidence.

              ## Example

              ```python
              import os

              METADATA_SOCKET_DIR = '/tmp/ovn-metadata'

              def write_pid(pid):
                  with open('/tmp/ovn-metadata-agent.pid', 'w') as f:
                      f.write(str(pid))
              ```

              ## Use instead

              ```python
              import os

              from oslo_config import cfg

              def write_pid(pid):
                  path = os.path.join(cfg.CONF.state_path, 'ovn-metadata-agent.pid')
                  with open(path, 'w') as f:
                      f.write(str(pid))
              ```

              ## References

              - Bandit B108 hardcoded_tmp_directory <https://bandit.readthedocs.io/en/latest/plugins/b108_hardcoded_tmp_directory.html>
              - Ruff S108 hardcoded-temp-file <https://docs.astral.sh/ruff/rules/hardcoded-temp-file/>
              - CWE-377: Insecure Temporary File <https://cwe.mitre.org/data/definitions/377.html>
              """)
          .build();

  private static final List<String> PREFIXES = List.of("/tmp", "/var/tmp", "/dev/shm");

  /** Names (snake case) that hold a path. */
  private static final Pattern PATH_NAME =
      Pattern.compile(
          "(?:^|_)(?:path|paths|file|files|filename|filenames|fname|filepath|dir|dirs|dirname"
              + "|directory|folder|location|socket|sock|log|logfile|pidfile|tmp|tmpdir|temp"
              + "|tempdir|workdir|root|home|dest|destination|prefix)$");

  /** Callees (last part) that take a path. */
  private static final Set<String> PATH_METHODS =
      Set.of(
          "open",
          "mkdir",
          "makedirs",
          "ensure_tree",
          "ensure_dir",
          "ensure_directory_exists_without_file",
          "replace_file",
          "write_file",
          "bind",
          "connect",
          "chdir",
          "chmod",
          "chown",
          "unlink",
          "remove",
          "rmtree",
          "touch",
          "write_text",
          "write_bytes",
          "Path",
          "PurePath",
          "PosixPath",
          "FileHandler",
          "WatchedFileHandler",
          "RotatingFileHandler",
          "TimedRotatingFileHandler",
          "copy",
          "copyfile",
          "copytree",
          "move",
          "rename",
          "symlink");

  public HardcodedTmpPath() {
    super(META);
    on(Node.class, this::visit);
  }

  private void visit(Node node, RuleContext ctx) {
    if (!(node instanceof Ast.Constant c) || !(c.value() instanceof String s) || !isTmp(s)) {
      return;
    }
    List<Node> up = new ArrayList<>();
    ctx.ancestors().forEach(up::add);
    Expr expr = c;
    int i = 0;
    // Climb over whatever builds a longer path from the literal.
    for (; i < up.size(); i++) {
      Node p = up.get(i);
      if (p instanceof Ast.JoinedStr j && !j.values().isEmpty() && j.values().get(0) == expr) {
        expr = j;
      } else if (p instanceof Ast.BinOp b
          && b.left() == expr
          && (b.op() == Ast.Operator.Add || b.op() == Ast.Operator.Mod)) {
        expr = b;
      } else if (p instanceof Ast.Attribute a && a.value() == expr && a.attr().equals("format")) {
        continue;
      } else if (p instanceof Call call
          && call.func() instanceof Ast.Attribute a
          && a.value() == expr
          && a.attr().equals("format")) {
        expr = call;
      } else {
        break;
      }
    }
    if (i >= up.size()) {
      return;
    }
    if (usedAsPath(ctx, expr, up.get(i), i + 1 < up.size() ? up.get(i + 1) : null)) {
      ctx.report(this, c, "`" + s + "` is a fixed path in a world-writable folder.");
    }
  }

  private static boolean isTmp(String s) {
    for (String prefix : PREFIXES) {
      if (s.equals(prefix) || s.startsWith(prefix + "/")) {
        return !s.contains(" ");
      }
    }
    return false;
  }

  private static boolean isPathName(String name) {
    return name != null && PATH_NAME.matcher(DataExprs.snake(name)).find();
  }

  private static boolean usedAsPath(RuleContext ctx, Expr expr, Node parent, Node grandparent) {
    switch (parent) {
      case Ast.Keyword k when grandparent instanceof Call call -> {
        if (isTempfile(ctx, call)) {
          return false;
        }
        if (isPathName(k.arg())) {
          return true;
        }
        // cfg.StrOpt('lock_path', default='/tmp')
        return "default".equals(k.arg())
            && DataExprs.isTextOption(ctx, call)
            && isPathName(DataExprs.optionName(call));
      }
      case Call call when call.args().contains(expr) -> {
        return !isTempfile(ctx, call) && (takesPath(ctx, call) || setsPathOption(call, expr));
      }
      case Ast.Assign a -> {
        return a.value() == expr && a.targets().stream().anyMatch(t -> isPathName(targetName(t)));
      }
      case Ast.AnnAssign a -> {
        return a.value() == expr && isPathName(targetName(a.target()));
      }
      case Ast.Arguments args -> {
        return isPathName(parameterOf(args, expr));
      }
      case Ast.Dict d -> {
        int at = d.values().indexOf(expr);
        return at >= 0 && isPathName(DataExprs.string(d.keys().get(at)));
      }
      default -> {
        return false;
      }
    }
  }

  /** {@code conf.set_override('log_dir', '/tmp')}, {@code set_default(...)}. */
  private static boolean setsPathOption(Call call, Expr expr) {
    return call.func() instanceof Ast.Attribute a
        && (a.attr().equals("set_override") || a.attr().equals("set_default"))
        && call.args().size() >= 2
        && call.args().get(1) == expr
        && isPathName(DataExprs.string(call.args().get(0)));
  }

  private static boolean isTempfile(RuleContext ctx, Call call) {
    String name = ctx.callName(call);
    return name != null && name.startsWith("tempfile.");
  }

  private static boolean takesPath(RuleContext ctx, Call call) {
    String name = ctx.callName(call);
    if (name == null) {
      // open(...) on an expression: a method call on a call result, say.
      return call.func() instanceof Ast.Attribute a && PATH_METHODS.contains(a.attr());
    }
    return name.startsWith("os.")
        || name.startsWith("shutil.")
        || name.startsWith("pathlib.")
        || name.equals("io.open")
        || name.equals("codecs.open")
        || PATH_METHODS.contains(DottedNames.lastPart(name));
  }

  private static String targetName(Expr target) {
    return switch (target) {
      case Ast.Name n -> n.id();
      case Ast.Attribute a -> a.attr();
      case Ast.Subscript s -> DataExprs.string(s.slice());
      case null, default -> null;
    };
  }

  /** The name of the parameter whose default is {@code expr}, or null. */
  static String parameterOf(Ast.Arguments args, Expr expr) {
    List<Ast.Arg> positional = new ArrayList<>(args.posonlyargs());
    positional.addAll(args.args());
    int offset = positional.size() - args.defaults().size();
    for (int j = 0; j < args.defaults().size(); j++) {
      if (args.defaults().get(j) == expr) {
        return positional.get(offset + j).arg();
      }
    }
    for (int j = 0; j < args.kwDefaults().size(); j++) {
      if (args.kwDefaults().get(j) == expr) {
        return args.kwonlyargs().get(j).arg();
      }
    }
    return null;
  }
}
