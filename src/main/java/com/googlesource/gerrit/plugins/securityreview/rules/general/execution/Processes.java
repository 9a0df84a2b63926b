package com.googlesource.gerrit.plugins.securityreview.rules.general.execution;

import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Attribute;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Constant;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.DottedNames;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.Origin;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.OriginPolicy;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.Origins;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The calls that start processes, sorted the way Bandit's and Ruff's shell-injection checks sort
 * them, plus OpenStack's own helpers ({@code oslo_concurrency.processutils.execute}, Neutron's
 * {@code agent.linux.utils.execute}, {@code ip_lib}'s {@code netns.execute}), and what command each
 * one runs.
 */
final class Processes {
  private Processes() {}

  enum Kind {
    /** {@code subprocess.Popen/run/call/check_call/check_output}: a shell only with shell=True. */
    SUBPROCESS,
    /** {@code os.system}, {@code os.popen}, {@code subprocess.getoutput}: always a shell. */
    SHELL,
    /** {@code os.exec*}, {@code os.spawn*}, {@code os.posix_spawn}: never a shell. */
    NO_SHELL,
    /** OpenStack's execute helpers: an argv list (or varargs), a shell only with shell=True. */
    EXECUTE
  }

  private static final Set<String> SUBPROCESS_CALLS =
      Set.of(
          "subprocess.Popen",
          "subprocess.call",
          "subprocess.check_call",
          "subprocess.check_output",
          "subprocess.run");

  private static final Set<String> SHELL_CALLS =
      Set.of(
          "os.system",
          "os.popen",
          "os.popen2",
          "os.popen3",
          "os.popen4",
          "popen2.popen2",
          "popen2.popen3",
          "popen2.popen4",
          "popen2.Popen3",
          "popen2.Popen4",
          "commands.getoutput",
          "commands.getstatusoutput",
          "subprocess.getoutput",
          "subprocess.getstatusoutput");

  private static final Pattern NO_SHELL_CALL =
      Pattern.compile("os\\.(?:(?:exec|spawn)(?:l|le|lp|lpe|v|ve|vp|vpe)|posix_spawnp?|startfile)");

  /** The functions of OpenStack's process helpers. */
  private static final Set<String> EXECUTE_FUNCTIONS =
      Set.of("execute", "trycmd", "execute_process", "execute_with_timeout");

  /** A receiver whose {@code execute} is one of OpenStack's helpers: utils, processutils, netns. */
  private static final Pattern EXECUTE_RECEIVER = Pattern.compile("\\w*utils|netns");

  static final Set<String> SHELLS =
      Set.of("sh", "bash", "dash", "ash", "zsh", "ksh", "csh", "tcsh", "fish");

  /** {@code -c}, {@code -ec}, {@code -xc}: the shell option that takes a command string. */
  private static final Pattern COMMAND_OPTION = Pattern.compile("-[a-zA-Z]*c[a-zA-Z]*");

  /**
   * A call that starts a process: what it calls (eventlet's green modules read as the real ones)
   * and which of the kinds it is.
   */
  record ProcessCall(Call call, String name, Kind kind) {
    /** The process call a call is, or null when it starts no process we know. */
    static ProcessCall of(RuleContext ctx, Call call) {
      String name = Processes.name(ctx, call);
      Kind kind = Processes.kind(name);
      return kind == null ? null : new ProcessCall(call, name, kind);
    }

    /** The command it runs, or null when it passes none we can see. */
    Command command() {
      return Processes.command(call, kind, name);
    }

    /** The argv it runs: given element by element, or the list its command holds; else null. */
    List<Expr> argv(SemanticModel model) {
      Command c = command();
      if (c == null) {
        return null;
      }
      return c.argv() != null ? c.argv() : model.sequenceElements(c.whole());
    }
  }

  /** What a call calls, imports resolved and eventlet's green modules taken as the real ones. */
  static String name(RuleContext ctx, Call call) {
    String name = ctx.semantic().standardCallName(call);
    // ip_lib.IPWrapper(namespace=ns).netns.execute(...): no dotted name, still the helper.
    if (name == null
        && call.func() instanceof Attribute f
        && f.attr().equals("execute")
        && f.value() instanceof Attribute r
        && r.attr().equals("netns")) {
      return "netns.execute";
    }
    return name;
  }

  static Kind kind(String name) {
    if (name == null) {
      return null;
    }
    if (SUBPROCESS_CALLS.contains(name)) {
      return Kind.SUBPROCESS;
    }
    if (SHELL_CALLS.contains(name)) {
      return Kind.SHELL;
    }
    // The pattern's own prefix first: a matcher for every call is most of this function's time.
    if (name.startsWith("os.") && NO_SHELL_CALL.matcher(name).matches()) {
      return Kind.NO_SHELL;
    }
    int dot = name.lastIndexOf('.');
    if (dot > 0 && EXECUTE_FUNCTIONS.contains(name.substring(dot + 1))) {
      String receiver = DottedNames.lastPart(name.substring(0, dot));
      if (EXECUTE_RECEIVER.matcher(receiver).matches()) {
        return Kind.EXECUTE;
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- shell=

  enum Shell {
    ABSENT,
    FALSE,
    TRUE,
    /** A variable or expression: nothing says which. */
    UNKNOWN
  }

  /** The {@code shell=} keyword of a call, judged by its truth value as Python would. */
  static Shell shell(SemanticModel model, Call call) {
    Expr v = RuleContext.keyword(call, "shell");
    if (v == null) {
      return Shell.ABSENT;
    }
    return model.truthValue(v).map(t -> t ? Shell.TRUE : Shell.FALSE).orElse(Shell.UNKNOWN);
  }

  // ---------------------------------------------------------------- the command

  /**
   * What a call runs: either one expression ({@code whole}: a string, a list, a name) or the argv
   * given element by element ({@code argv}: varargs, {@code os.execl}); one of them is null.
   */
  record Command(Expr whole, List<Expr> argv) {}

  /** The command of a process call of the given kind, or null when it passes none we can see. */
  static Command command(Call call, Kind kind, String name) {
    List<Expr> args = call.args();
    switch (kind) {
      case SUBPROCESS -> {
        Expr a = RuleContext.argument(call, 0, "args");
        return a == null ? null : new Command(a, null);
      }
      case SHELL -> {
        Expr a = RuleContext.argument(call, 0, "cmd");
        a = a != null ? a : RuleContext.keyword(call, "command");
        return a == null ? null : new Command(a, null);
      }
      case EXECUTE -> {
        if (args.isEmpty()) {
          Expr k = RuleContext.keyword(call, "cmd");
          return k == null ? null : new Command(k, null);
        }
        if (args.size() == 1) {
          Expr a = args.get(0);
          return new Command(a instanceof Ast.Starred s ? s.value() : a, null);
        }
        return new Command(null, args);
      }
      case NO_SHELL -> {
        String fn = DottedNames.lastPart(name);
        if (fn.equals("startfile")) {
          return args.isEmpty() ? null : new Command(args.get(0), null);
        }
        if (fn.startsWith("posix_spawn")) {
          return args.size() < 2 ? null : new Command(args.get(1), null);
        }
        int program = fn.startsWith("spawn") ? 1 : 0;
        String variant = fn.substring(fn.startsWith("spawn") ? 5 : 4);
        if (variant.startsWith("v")) {
          return args.size() <= program + 1 ? null : new Command(args.get(program + 1), null);
        }
        int end = args.size() - (variant.endsWith("e") ? 1 : 0);
        return end <= program + 1 ? null : new Command(null, args.subList(program + 1, end));
      }
    }
    return null;
  }

  /** The program a process call starts, as Ruff's S607 reads it, or null. */
  static Expr program(Call call, Kind kind, String name) {
    List<Expr> args = call.args();
    if (kind == Kind.NO_SHELL && DottedNames.lastPart(name).startsWith("spawn")) {
      return args.size() < 2 ? null : args.get(1);
    }
    return args.isEmpty() || args.get(0) instanceof Ast.Starred ? null : args.get(0);
  }

  /**
   * Where an argv runs a shell on a command string ({@code ['sh', '-c', cmd]}, also after a wrapper
   * such as {@code ip netns exec NS} or {@code sudo}): the shell's name and the command string, or
   * null.
   */
  static ShellInArgv shellInArgv(SemanticModel model, List<Expr> argv) {
    for (int i = 0; i < argv.size(); i++) {
      String shell = model.constantString(argv.get(i)).orElse(null);
      if (shell == null || !SHELLS.contains(basename(shell))) {
        continue;
      }
      int j = i + 1;
      boolean option = false;
      while (j < argv.size()
          && model.constantString(argv.get(j)).orElse(null) instanceof String o
          && o.startsWith("-")) {
        option |= !o.startsWith("--") && COMMAND_OPTION.matcher(o).matches();
        j++;
        if (option) {
          break;
        }
      }
      if (option && j < argv.size() && !(argv.get(j) instanceof Ast.Starred)) {
        return new ShellInArgv(basename(shell), argv.get(j));
      }
    }
    return null;
  }

  record ShellInArgv(String shell, Expr command) {}

  /** The string of a string literal, or null. */
  static String literal(Expr e) {
    return e instanceof Constant c && c.value() instanceof String s ? s : null;
  }

  static String basename(String path) {
    String p = path.strip();
    return p.substring(p.lastIndexOf('/') + 1);
  }

  /**
   * The string that a {@code x.split()} or {@code shlex.split(x)} call splits into arguments, or
   * null when the expression is no such call.
   */
  static Expr splitString(Expr e, SemanticModel model) {
    if (!(e instanceof Call c)) {
      return null;
    }
    if (c.func() instanceof Attribute f
        && f.attr().equals("split")
        && c.args().stream().allMatch(a -> a instanceof Constant)
        && !"shlex".equals(model.qualifiedName(f.value()))) {
      return f.value();
    }
    if ("shlex.split".equals(model.callName(c)) && !c.args().isEmpty()) {
      return c.args().get(0);
    }
    return null;
  }

  /** Whether a call runs its command as root: {@code run_as_root=True}. */
  static boolean runsAsRoot(SemanticModel model, Call call) {
    return model.isTrue(RuleContext.keyword(call, "run_as_root"));
  }

  // ---------------------------------------------------------------- messages

  /** Where a command string comes from, judged the way commands are: the model's SHELL policy. */
  static Origin origin(RuleContext ctx, Expr command) {
    return Origins.of(ctx.semantic(), command, OriginPolicy.SHELL);
  }

  /** How a message names the call: {@code `utils.execute()`}. */
  static String callee(RuleContext ctx, Call call) {
    return "`" + ctx.text(call.func()) + "()`";
  }

  /**
   * "{@code `os.system()` runs a command built with `%` from `dev` through a shell}", then {@code
   * detail} (as root, which flag), then why an opaque command counts.
   */
  static String runsThroughShell(
      RuleContext ctx, Call call, Origin o, Expr command, String detail) {
    String what =
        o.isBuilt()
            ? "a command built " + o.how() + " from `" + ctx.text(o.value()) + "`"
            : "`" + ctx.text(command) + "`";
    String unseen = o.isBuilt() ? "" : ", and nothing in this function makes it a fixed command";
    return callee(ctx, call) + " runs " + what + " through a shell" + detail + unseen + ".";
  }
}
