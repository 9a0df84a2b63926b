package com.googlesource.gerrit.plugins.securityreview.python;

import static com.google.common.truth.Truth.assertThat;

import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.FunctionDef;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeVisitorTest {
  private static Ast.Module parse(String source) {
    ParseResult r = PythonParser.parse(source);
    assertThat(r.diagnostics()).isEmpty();
    return r.module();
  }

  @Test
  void visitsCallsInSourceOrderWithTheirEnclosingFunction() {
    Ast.Module m =
        parse(
            """
            import subprocess as sp
            from oslo_log import log as logging

            def run(cmd):
                sp.call(cmd, shell=True)
                return [len(x) for x in cmd]

            LOG = logging.getLogger(__name__)
            """);
    List<String> seen = new ArrayList<>();
    new NodeVisitor() {
      @Override
      protected boolean enter(Node node) {
        if (node instanceof Call call) {
          FunctionDef fn = enclosing(FunctionDef.class);
          seen.add(DottedNames.callee(call) + "@" + (fn == null ? "<module>" : fn.name()));
        }
        return true;
      }
    }.visit(m);
    assertThat(seen)
        .containsExactly("sp.call@run", "len@run", "logging.getLogger@<module>")
        .inOrder();
  }

  @Test
  void enterReturningFalseSkipsChildren() {
    Ast.Module m = parse("def f():\n    g()\nh()\n");
    List<String> calls = new ArrayList<>();
    new NodeVisitor() {
      @Override
      protected boolean enter(Node node) {
        if (node instanceof Call c) {
          calls.add(DottedNames.callee(c));
        }
        return !(node instanceof FunctionDef);
      }
    }.visit(m);
    assertThat(calls).containsExactly("h");
  }

  @Test
  void reachesEveryNodeOfEveryKindInAFeatureRichFile() {
    Ast.Module m =
        parse(
            """
            @d
            async def f[T: int](a, /, b=1, *c, d, **e) -> T:
                async with x as (y, z):
                    await w
                match v:
                    case {"k": [1, *_]} | C(a=_) if q:
                        pass
                return f"{a!r:>{b}}", {k: v for k, v in e.items()}, lambda: (yield)
            type A[*Ts, **P] = list[int]
            try:
                pass
            except* E as ex:
                raise X from ex
            """);
    int[] count = {0};
    new NodeVisitor() {
      @Override
      protected boolean enter(Node node) {
        count[0]++;
        return true;
      }
    }.visit(m);
    // The nodes of CPython 3.13's tree for this source, less contexts and operators.
    assertThat(count[0]).isEqualTo(73);
  }

  @Test
  void dottedNamesAndImportResolution() {
    Ast.Module m =
        parse(
            """
            import os.path
            import subprocess as sp
            from oslo_log import log as logging
            from . import utils
            from ..common import ovn_utils as ou
            def f():
                from oslo_concurrency import processutils
            """);
    ImportTable imports = ImportTable.of(m);
    assertThat(imports.resolve("sp.Popen")).isEqualTo("subprocess.Popen");
    assertThat(imports.resolve("logging.getLogger")).isEqualTo("oslo_log.log.getLogger");
    assertThat(imports.resolve("os.path.join")).isEqualTo("os.path.join");
    assertThat(imports.resolve("utils.execute")).isEqualTo(".utils.execute");
    assertThat(imports.resolve("ou.is_lsp_trusted")).isEqualTo("..common.ovn_utils.is_lsp_trusted");
    assertThat(imports.resolve("processutils.execute"))
        .isEqualTo("oslo_concurrency.processutils.execute");
    assertThat(imports.resolve("open")).isEqualTo("open");
    assertThat(imports.isImported("sp")).isTrue();
    assertThat(imports.isImported("subprocess")).isFalse();
  }
}
