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
import com.googlesource.gerrit.plugins.securityreview.python.DottedNames;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.ConfigOption;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.ParameterDefault;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.StringPrefix;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** PY203: a fixed path under /tmp, /var/tmp or /dev/shm used as a file or folder. */
public final class HardcodedTmpPath extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("PY203")
          .name("hardcoded-tmp-path")
          .title(
              "Fixed, predictable path in a world-writable temporary folder used as a file or"
                  + " folder")
          .severity(Severity.MEDIUM)
          .confidence(Confidence.LOW)
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

              Flags strings that start with `/tmp`, `/var/tmp` or `/dev/shm` (a literal, or one
              built with an f-string, `+`, `%` or `.format()` whose leading text is constant, also
              through a name bound once: `TRACE = '/tmp/trace'; open(TRACE)`) when they are used as
              a path, reported once at the literal they start with: passed to `open()`,
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

              Its confidence is low, so it comments without voting or opening an unresolved thread:
              on the calibration corpus (18 OpenStack repositories, `tools/ecosystem/`) 5 of its 11
              findings were defects, 3 false positives (paths inside a test guest) and 3 debatable.

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

  /** The last words of a name (snake case) that holds a path ({@code log_dir}, {@code pidfile}). */
  private static final Set<String> PATH_WORDS =
      Set.of(
          "path",
          "paths",
          "file",
          "files",
          "filename",
          "filenames",
          "fname",
          "filepath",
          "dir",
          "dirs",
          "dirname",
          "directory",
          "folder",
          "location",
          "socket",
          "sock",
          "log",
          "logfile",
          "pidfile",
          "tmp",
          "tmpdir",
          "temp",
          "tempdir",
          "workdir",
          "root",
          "home",
          "dest",
          "destination",
          "prefix");

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

  /** The literals already reported in this file: a path reaches several uses through a name. */
  private static final class Reported {
    final Set<Ast.Constant> literals = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  }

  public HardcodedTmpPath() {
    super(META);
    on(Call.class, this::visitCall);
    on(Ast.Assign.class, this::visitAssign);
    on(Ast.AnnAssign.class, this::visitAnnAssign);
    on(Ast.Arguments.class, this::visitArguments);
    on(Ast.Dict.class, this::visitDict);
  }

  private void visitCall(Call call, RuleContext ctx) {
    SemanticModel model = ctx.semantic();
    if (isTempfile(ctx, call)) {
      return;
    }
    if (takesPath(ctx, call)) {
      for (Expr arg : call.args()) {
        check(ctx, arg);
      }
    } else if (setsPathOption(model, call)) {
      check(ctx, call.args().get(1));
    }
    // The option matters only for its keyword default.
    ConfigOption option = call.keywords().isEmpty() ? null : model.configOption(call).orElse(null);
    for (Ast.Keyword k : call.keywords()) {
      if (isPathName(k.arg())
          // cfg.StrOpt('lock_path', default='/tmp')
          || option != null
              && option.holdsText()
              && k.value() == option.defaultValue()
              && isPathName(option.name())) {
        check(ctx, k.value());
      }
    }
  }

  private void visitAssign(Ast.Assign a, RuleContext ctx) {
    SemanticModel model = ctx.semantic();
    for (Expr t : a.targets()) {
      if (isPathName(model.storedName(t))) {
        check(ctx, a.value());
        return;
      }
    }
  }

  private void visitAnnAssign(Ast.AnnAssign a, RuleContext ctx) {
    if (a.value() != null && isPathName(ctx.semantic().storedName(a.target()))) {
      check(ctx, a.value());
    }
  }

  private void visitArguments(Ast.Arguments args, RuleContext ctx) {
    for (ParameterDefault d : SemanticModel.parameterDefaults(args)) {
      if (isPathName(d.parameter().arg())) {
        check(ctx, d.value());
      }
    }
  }

  private void visitDict(Ast.Dict d, RuleContext ctx) {
    for (int i = 0; i < d.keys().size(); i++) {
      Expr key = d.keys().get(i);
      if (key != null && isPathName(ctx.semantic().constantString(key).orElse(null))) {
        check(ctx, d.values().get(i));
      }
    }
  }

  /** Reports a path value that starts in a world-writable folder, on the literal it starts with. */
  private void check(RuleContext ctx, Expr value) {
    StringPrefix prefix = ctx.semantic().stringPrefix(value).orElse(null);
    if (prefix == null || !isTmp(prefix.text())) {
      return;
    }
    Ast.Constant literal = prefix.literal();
    // A sentence (a help or log text) that happens to start with /tmp is not a path.
    String shown = literal != null ? (String) literal.value() : prefix.text();
    if (shown.contains(" ")
        || literal != null && !ctx.state(this, Reported::new).literals.add(literal)) {
      return;
    }
    ctx.report(
        this,
        literal != null ? literal : value,
        "`" + shown + "` is a fixed path in a world-writable folder.");
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
    if (name == null) {
      return false;
    }
    // A name ending in one of PATH_WORDS, after an underscore or as the whole name; the words hold
    // no underscore, so that is its last word. As the pattern's $ did, a line break may end it.
    String snake = NameWords.snake(name);
    int end = snake.length();
    if (snake.endsWith("\r\n")) {
      end -= 2;
    } else if (end > 0 && "\n\r\u0085\u2028\u2029".indexOf(snake.charAt(end - 1)) >= 0) {
      end--;
    }
    return PATH_WORDS.contains(snake.substring(snake.lastIndexOf('_', end - 1) + 1, end));
  }

  /** {@code conf.set_override('log_dir', '/tmp')}, {@code set_default(...)}. */
  private static boolean setsPathOption(SemanticModel model, Call call) {
    return call.func() instanceof Ast.Attribute a
        && (a.attr().equals("set_override") || a.attr().equals("set_default"))
        && call.args().size() >= 2
        && isPathName(model.constantString(call.args().get(0)).orElse(null));
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
}
