package com.googlesource.gerrit.plugins.securityreview.python;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import org.junit.jupiter.api.Test;

class NormalFormTest {
  private static Ast.Stmt first(String source) {
    ParseResult r = PythonParser.parse(source.getBytes(UTF_8));
    assertThat(r.diagnostics()).isEmpty();
    return r.module().body().get(0);
  }

  private static String form(String source) {
    return NormalForm.ofHeader(first(source));
  }

  @Test
  void layoutQuotesCommentsAndTrailingCommasDoNotCount() {
    assertThat(form("run(cmd, shell=True)\n"))
        .isEqualTo(form("run(\n    cmd,  # the command\n    shell=True,\n)\n"));
    assertThat(form("x = 'a' 'b'\n")).isEqualTo(form("x = \"ab\"\n"));
    assertThat(form("x = (1)\n")).isEqualTo(form("x = 1\n"));
  }

  @Test
  void percentFormatStrFormatAndFStringAreOneForm() {
    String f = form("run(f'ssh {host} -p {port}')\n");
    assertThat(form("run('ssh %s -p %d' % (host, port))\n")).isEqualTo(f);
    assertThat(form("run('ssh {} -p {}'.format(host, port))\n")).isEqualTo(f);
    assertThat(form("run('ssh {0} -p {1}'.format(host, port))\n")).isEqualTo(f);
    assertThat(form("run('ssh {h} -p {p}'.format(h=host, p=port))\n")).isEqualTo(f);
    assertThat(form("run('ssh %(h)s -p %(p)s' % {'h': host, 'p': port})\n")).isEqualTo(f);
    assertThat(form("run(f'ssh {host!r} -p {port:d}')\n")).isEqualTo(f);
    assertThat(form("run('%s' % host)\n")).isEqualTo(form("run(f'{host}')\n"));
    assertThat(form("run('100%% %s' % host)\n")).isEqualTo(form("run(f'100% {host}')\n"));
  }

  @Test
  void whatChangesTheCodeCounts() {
    String f = form("run(f'ssh {host} -p {port}')\n");
    assertThat(form("run(f'ssh {host} -p {other}')\n")).isNotEqualTo(f);
    assertThat(form("run(f'scp {host} -p {port}')\n")).isNotEqualTo(f);
    assertThat(form("run('ssh %s -p %d' % (port, host))\n")).isNotEqualTo(f);
    assertThat(form("run(cmd, shell=True)\n")).isNotEqualTo(form("run(cmd, shell=False)\n"));
    assertThat(form("x = 1\n")).isNotEqualTo(form("x = 1.0\n"));
  }

  @Test
  void formatsThatCannotBeReadStayAsWritten() {
    // Mismatched arity, a starred argument, an attribute field: kept as the plain tree.
    assertThat(form("run('%s %s' % args)\n")).contains("BinOp(");
    assertThat(form("run('{}'.format(*args))\n")).contains("Call(");
    assertThat(form("run('{0.name}'.format(port))\n")).contains("Call(");
  }

  @Test
  void compoundStatementsByTheirHeaderOnly() {
    assertThat(form("while True:\n    poll()\n"))
        .isEqualTo(form("while True:\n    poll()\n    sleep(1)\n"));
    assertThat(form("def f(a, b=1):\n    return a\n"))
        .isEqualTo(form("def f(a, b=1):\n    return b\n"));
    assertThat(form("def f(a, b=1):\n    return a\n"))
        .isNotEqualTo(form("def f(a, b=2):\n    return a\n"));
    assertThat(form("if x:\n    a()\nelse:\n    b()\n")).isEqualTo(form("if x:\n    c()\n"));
  }

  @Test
  void typeAnnotationsDoNotCount() {
    assertThat(form("def f(a, b=1):\n    pass\n"))
        .isEqualTo(form("def f(a: int, b: int = 1) -> None:\n    pass\n"));
    assertThat(form("x = run(cmd)\n")).isEqualTo(form("x: Result = run(cmd)\n"));
    assertThat(form("x: int\n")).isNotEqualTo(form("x = int\n"));
  }
}
