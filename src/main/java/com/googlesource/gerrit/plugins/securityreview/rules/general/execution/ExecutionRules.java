package com.googlesource.gerrit.plugins.securityreview.rules.general.execution;

import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import java.util.List;

/** The PY1xx code execution, deserialisation and processes rules. */
public final class ExecutionRules {
  private ExecutionRules() {}

  public static List<Rule> all() {
    return List.of(
        new ExecEvalUsed(),
        new UnsafeDeserialisation(),
        new YamlUnsafeLoad(),
        new ShellTrue(),
        new StartProcessWithShell(),
        new CommandBuiltFromStrings(),
        new SubprocessWithoutShell(),
        new PartialExecutablePath());
  }
}
