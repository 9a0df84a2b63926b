package com.googlesource.gerrit.plugins.securityreview.rules.general.crypto;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import java.util.Set;

/** PY306: Telnet or plain FTP, which carry credentials and data in clear text. */
public final class CleartextProtocol extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("PY306")
          .name("cleartext-protocol")
          .title("Telnet or plain FTP used")
          .severity(Severity.HIGH)
          .confidence(Confidence.HIGH)
          .family(Family.CRYPTO)
          .bandit("B312,B321,B401,B402")
          .ruff("S312,S321,S401,S402")
          .why(
              "Telnet and FTP send the login, the password and every byte after them unencrypted,"
                  + " to be read or altered by anyone on the path (a tenant network included).")
          .fix(
              "Use SSH (paramiko, with host key checking) instead of Telnet, and SFTP or"
                  + " `ftplib.FTP_TLS` with `prot_p()` instead of FTP.")
          .doc(
              """
              ## What it does

              Flags calls into `telnetlib` (Bandit B312, Ruff S312) and `ftplib` (Bandit B321, Ruff
              S321), such as `telnetlib.Telnet(host)` and `ftplib.FTP(host)`, however they are
              imported.

              The import-only checks (Bandit B401/B402, Ruff S401/S402) are folded in: an import
              alone is not flagged, the calls it enables are, so one connection gets one comment
              (and `# noqa: S401` on the call line works). Silent: `ftplib.FTP_TLS` (encrypted; Ruff
              flags it too), the module's exceptions (`ftplib.error_perm`, `ftplib.all_errors`) and
              test code.

              ## Why it matters

              Agents and ML2 mechanism drivers that manage physical switches sometimes reach them
              over Telnet or fetch configuration over FTP. The switch credentials then cross the
              management network in clear, and whoever captures them owns the fabric that isolates
              tenants. Both modules are also gone from Python 3.13 (`telnetlib`) or discouraged.

              ## Example

              ```python
              import telnetlib

              conn = telnetlib.Telnet(switch_ip, 23, timeout=30)
              conn.write(password.encode() + b'\\n')
              ```

              ## Use instead

              ```python
              client = paramiko.SSHClient()
              client.load_system_host_keys()
              client.connect(switch_ip, username=user, password=password, timeout=30)
              ```

              ## References

              - Bandit B312: telnetlib <https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b312-telnetlib>
              - Bandit B321: ftplib <https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b321-ftplib>
              - Bandit B401/B402: import_telnetlib, import_ftplib <https://bandit.readthedocs.io/en/latest/blacklists/blacklist_imports.html>
              - Ruff S312: suspicious-telnet-usage <https://docs.astral.sh/ruff/rules/suspicious-telnet-usage/>
              - Ruff S321: suspicious-ftp-lib-usage <https://docs.astral.sh/ruff/rules/suspicious-ftp-lib-usage/>
              - CWE-319: Cleartext Transmission of Sensitive Information <https://cwe.mitre.org/data/definitions/319.html>
              """)
          .build();

  public CleartextProtocol() {
    super(META);
    onNamesFrom(Ast.Call.class, Set.of("telnetlib", "ftplib"), this::visitCall);
  }

  private void visitCall(Ast.Call c, RuleContext ctx) {
    String name = String.valueOf(ctx.semantic().callName(c));
    if (name.startsWith("telnetlib.")) {
      ctx.report(this, c.func(), "`" + name + "` opens a Telnet session in clear text.");
    } else if (name.startsWith("ftplib.") && !isEncryptedOrError(name.substring(7))) {
      ctx.report(this, c.func(), "`" + name + "` opens an FTP session in clear text.");
    }
  }

  private static boolean isEncryptedOrError(String member) {
    return member.startsWith("FTP_TLS") || member.startsWith("error") || member.equals("Error");
  }
}
