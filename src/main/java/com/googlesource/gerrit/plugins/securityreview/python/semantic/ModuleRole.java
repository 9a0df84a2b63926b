package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import java.util.Set;

/**
 * What a module is for in its repository: code a service runs, tooling run by hand or by CI, or the
 * harness of a test suite. Test files themselves ({@code tests/}, {@code test_*.py}) are told apart
 * by the engine before any rule runs; this is about the code around them.
 */
public enum ModuleRole {
  /** Code a service, an agent or a library runs: the default. */
  SERVICE,
  /**
   * Developer or CI tooling: under a top-level {@code tools/}, {@code devstack/}, {@code
   * playbooks/}, {@code doc/} or {@code releasenotes/} folder, or the project's {@code setup.py}.
   * It runs by hand or in a CI job, whose own limits bound it.
   */
  DEV_TOOLING,
  /**
   * Test-suite support outside the test folders: a module that imports a test framework ({@code
   * unittest}, {@code testtools}, {@code oslotest}, {@code pytest}, tempest's test base). It runs
   * under a test runner, whose per-test timeout bounds it.
   */
  TEST_HARNESS;

  private static final Set<String> TOOLING_FOLDERS =
      Set.of("tools", "devstack", "playbooks", "doc", "releasenotes");

  private static final Set<String> TEST_FRAMEWORKS =
      Set.of("unittest", "testtools", "oslotest", "pytest", "tempest.lib.base", "tempest.test");

  /** The role of a module from its repository path and its top-level imports. */
  static ModuleRole of(String path, Ast.Module module) {
    String p = path == null ? "" : path.replace('\\', '/');
    while (p.startsWith("./") || p.startsWith("/")) {
      p = p.substring(p.indexOf('/') + 1);
    }
    int slash = p.indexOf('/');
    if ((slash > 0 && TOOLING_FOLDERS.contains(p.substring(0, slash))) || p.equals("setup.py")) {
      return DEV_TOOLING;
    }
    for (Ast.Stmt s : module.body()) {
      if (importsTestFramework(s)) {
        return TEST_HARNESS;
      }
    }
    return SERVICE;
  }

  private static boolean importsTestFramework(Ast.Stmt s) {
    switch (s) {
      case Ast.Import i -> {
        return i.names().stream().anyMatch(a -> isTestFramework(a.name()));
      }
      case Ast.ImportFrom f when f.level() == 0 && f.module() != null -> {
        return isTestFramework(f.module())
            || f.names().stream().anyMatch(a -> isTestFramework(f.module() + "." + a.name()));
      }
      default -> {
        return false;
      }
    }
  }

  private static boolean isTestFramework(String module) {
    for (String framework : TEST_FRAMEWORKS) {
      if (module.equals(framework) || module.startsWith(framework + ".")) {
        return true;
      }
    }
    return false;
  }
}
