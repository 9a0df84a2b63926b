package com.googlesource.gerrit.plugins.securityreview.engine;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.testing.TestRuleMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A rule is called for the node kinds it registered, and for nothing else. */
class DispatchTest {
  private static RuleMeta meta(String id) {
    return TestRuleMeta.of(id, Severity.LOW, Confidence.LOW, true, null, null);
  }

  @Test
  void sealedInterfaceStandsForEveryRecordOfIt() {
    assertThat(Dispatch.records(Ast.FunctionLike.class))
        .containsExactly(Ast.FunctionDef.class, Ast.AsyncFunctionDef.class);
    assertThat(Dispatch.records(Ast.Call.class)).containsExactly(Ast.Call.class);
    assertThat(Dispatch.records(Ast.Stmt.class)).contains(Ast.While.class);
  }

  @Test
  void ruleSeesOnlyItsKinds_inSourceOrder() {
    List<String> seen = new ArrayList<>();
    Rule functions =
        new Rule(meta("TST910")) {
          {
            on(Ast.FunctionLike.class, (f, ctx) -> seen.add("def " + f.name()));
            on(Ast.Return.class, (r, ctx) -> seen.add("return@" + r.loc().line()));
          }
        };
    new Engine(List.of(functions), EngineOptions.defaults())
        .analyze(
            "a.py",
            "x = f(1)\ndef a():\n    return 1\nasync def b():\n    return 2\n".getBytes(UTF_8),
            ChangedLines.ALL);
    assertThat(seen).containsExactly("def a", "return@3", "def b", "return@5").inOrder();
  }

  /**
   * A visitor tied to packages runs in a file that spells one of them, whether an import brings it
   * in or the code names it without one, and in no other file; the rule's other visitors run
   * everywhere.
   */
  @Test
  void visitorOfPackagesRunsOnlyWhereTheFileSpellsOne() {
    List<String> seen = new ArrayList<>();
    Rule rule =
        new Rule(meta("TST911")) {
          {
            onNamesFrom(
                Ast.Call.class,
                Set.of("hashlib", "crypt"),
                (c, ctx) -> seen.add(ctx.path() + " " + ctx.callName(c)));
            on(Ast.Return.class, (r, ctx) -> seen.add(ctx.path() + " return"));
          }
        };
    Engine engine = new Engine(List.of(rule), EngineOptions.defaults());
    String[][] files = {
      {"imports.py", "from hashlib import md5\nmd5()\n"},
      {"dotted.py", "import os.path\nimport crypt.x as c\nc.y()\n"},
      {"unbound.py", "def f():\n    return hashlib.sha1()\n"},
      {"other.py", "import hashlibx\ndef f():\n    return hashlibx.md5('hashlib')  # hashlib\n"},
      {"unicode.py", "ｈａｓｈｌｉｂ.md5()\n"},
    };
    for (String[] f : files) {
      engine.analyze(f[0], f[1].getBytes(UTF_8), ChangedLines.ALL);
    }
    assertThat(seen)
        .containsExactly(
            "imports.py hashlib.md5",
            "dotted.py crypt.x.y",
            "unbound.py return",
            "unbound.py hashlib.sha1",
            "other.py return",
            "unicode.py hashlib.md5")
        .inOrder();
  }

  /**
   * A rule limited to some paths sees no node of another file and is not asked to end it; a rule
   * beside it is called as before, and a file of each kind after the other gets its own view.
   */
  @Test
  void ruleLimitedToPathsSkipsOtherFiles() {
    List<String> seen = new ArrayList<>();
    Rule limited =
        new Rule(meta("TST913")) {
          {
            checksOnlyPaths(path -> path.startsWith("ovn/"));
            on(Ast.Call.class, (c, ctx) -> seen.add("limited " + ctx.path()));
          }

          @Override
          public void endFile(RuleContext ctx) {
            seen.add("limited end " + ctx.path());
          }
        };
    Rule everywhere =
        new Rule(meta("TST914")) {
          {
            on(Ast.Call.class, (c, ctx) -> seen.add("everywhere " + ctx.path()));
          }
        };
    Engine engine = new Engine(List.of(limited, everywhere), EngineOptions.defaults());
    for (String path : List.of("ovn/a.py", "linuxbridge/b.py", "ovn/c.py")) {
      engine.analyze(path, "f()\n".getBytes(UTF_8), ChangedLines.ALL);
    }
    assertThat(seen)
        .containsExactly(
            "limited ovn/a.py",
            "everywhere ovn/a.py",
            "limited end ovn/a.py",
            "everywhere linuxbridge/b.py",
            "limited ovn/c.py",
            "everywhere ovn/c.py",
            "limited end ovn/c.py")
        .inOrder();
  }

  @Test
  void visitorOfNoPackagesIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Rule(meta("TST912")) {
              {
                onNamesFrom(Ast.Call.class, Set.of(), (c, ctx) -> {});
              }
            });
  }

  @Test
  void registeringANodeThatIsNeitherRecordNorSealedInterfaceFails() {
    assertThrows(IllegalArgumentException.class, () -> Dispatch.records(String.class));
  }
}
