package com.googlesource.gerrit.plugins.securityreview.rules.general.data;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import java.util.Set;

/** PY202: {@code tempfile.mktemp()} (or {@code os.tempnam}/{@code os.tmpnam}). */
public final class InsecureTempName extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("PY202")
          .name("tempfile-mktemp")
          .title(
              "`tempfile.mktemp()` returns a temporary file name that another process can take"
                  + " first")
          .severity(Severity.MEDIUM)
          .confidence(Confidence.HIGH)
          .family(Family.DATA)
          .bandit("B306,B325")
          .ruff("S306")
          .why(
              "Between getting the name and creating the file another local user can create it, or"
                  + " a symlink by that name, and have the service write where the attacker wants.")
          .fix(
              "Create the file atomically with `tempfile.mkstemp()`, `NamedTemporaryFile()` or"
                  + " `mkdtemp()`.")
          .doc(
              """
              ## What it does

              Flags calls of `tempfile.mktemp()` (Bandit B306, Ruff S306) and of Python 2's
              `os.tempnam()` / `os.tmpnam()` (Bandit B325), imports resolved. It checks test code
              too, as Neutron's Ruff configuration does: the call is deprecated, has drop-in safe
              replacements and is rare, so a finding is never noise; functional tests run as root on
              shared CI hosts.

              ## Why it matters

              `mktemp()` only returns a name that did not exist a moment ago. Agents run as root and
              write into shared temporary folders: whoever creates the name first (a symlink to
              `/etc/shadow`, say) decides where the agent's data goes, or reads what the agent
              writes. Python has deprecated the function since 2.3.

              ## Example

              ```python
              import tempfile

              def write_dnsmasq_hosts(entries):
                  path = tempfile.mktemp(suffix='.hosts')
                  with open(path, 'w') as f:
                      f.write('\\n'.join(entries))
                  return path
              ```

              ## Use instead

              ```python
              import os
              import tempfile

              def write_dnsmasq_hosts(entries):
                  fd, path = tempfile.mkstemp(suffix='.hosts')
                  with os.fdopen(fd, 'w') as f:
                      f.write('\\n'.join(entries))
                  return path
              ```

              ## References

              - Python docs, tempfile.mktemp <https://docs.python.org/3/library/tempfile.html#tempfile.mktemp>
              - Bandit B306 (mktemp_q), B325 (tempnam) <https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html>
              - Ruff S306 suspicious-mktemp-usage <https://docs.astral.sh/ruff/rules/suspicious-mktemp-usage/>
              - CWE-377: Insecure Temporary File <https://cwe.mitre.org/data/definitions/377.html>
              """)
          .build();

  private static final Set<String> CALLS = Set.of("tempfile.mktemp", "os.tempnam", "os.tmpnam");

  public InsecureTempName() {
    super(META);
    // By the functions' own names: most files import os, few spell these.
    onNamesFrom(Call.class, Set.of("mktemp", "tempnam", "tmpnam"), this::visitCall);
  }

  @Override
  public boolean checksTestCode() {
    return true;
  }

  private void visitCall(Call call, RuleContext ctx) {
    String name = ctx.callName(call);
    if (name != null && CALLS.contains(name)) {
      ctx.report(this, call, "`" + name + "()` returns a name, not a file created safely.");
    }
  }
}
