package com.googlesource.gerrit.plugins.securityreview.rules.general.crypto;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import java.util.Set;

/**
 * PY307: paramiko told to accept unknown host keys ({@code AutoAddPolicy}, {@code WarningPolicy}).
 */
public final class SshHostKeyNotVerified extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("PY307")
          .name("ssh-host-key-not-verified")
          .title("paramiko accepts unknown SSH host keys")
          .severity(Severity.HIGH)
          .confidence(Confidence.LOW)
          .family(Family.CRYPTO)
          .bandit("B507")
          .ruff("S507")
          .why(
              "A client that trusts whatever host key it is shown connects just as happily to an"
                  + " attacker who answers in the server's place, and hands it the password or runs"
                  + " its commands there.")
          .fix(
              "Load known host keys (`client.load_system_host_keys()` or `load_host_keys(path)`)"
                  + " and keep paramiko's default `RejectPolicy`.")
          .doc(
              """
              ## What it does

              Flags `set_missing_host_key_policy(...)` given paramiko's `AutoAddPolicy` or
              `WarningPolicy`, called or as a class, in place or through a local variable, imported
              as `paramiko.X`, `paramiko.client.X` or under another name (Bandit B507, Ruff S507). The receiver is not checked (Ruff only
              flags it when it can see the `SSHClient()` assignment): no other library has that
              method.

              Silent: `RejectPolicy`, custom policies (which should be reviewed by hand), and test
              code.

              Its confidence is low, so it comments without voting or opening an unresolved thread:
              on the calibration corpus (18 OpenStack repositories, `tools/ecosystem/`) 2 of its 5
              findings were defects, 1 a false positive (test guests whose keys cannot be known) and
              2 debatable (trust on first use chosen by configuration).

              ## Why it matters

              Mechanism drivers and agents that configure switches over SSH carry administrator
              credentials for the fabric. Accepting any host key there means a machine that can
              answer on the switch's address (ARP or DNS spoofing on the management network)
              collects them.

              ## Example

              ```python
              client = paramiko.SSHClient()
              client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
              client.connect(switch_ip, username=user, password=password)
              ```

              ## Use instead

              ```python
              client = paramiko.SSHClient()
              client.load_host_keys(conf.known_hosts_file)
              client.connect(switch_ip, username=user, password=password)
              ```

              ## References

              - Bandit B507: ssh_no_host_key_verification <https://bandit.readthedocs.io/en/latest/plugins/b507_ssh_no_host_key_verification.html>
              - Ruff S507: ssh-no-host-key-verification <https://docs.astral.sh/ruff/rules/ssh-no-host-key-verification/>
              - CWE-295: Improper Certificate Validation <https://cwe.mitre.org/data/definitions/295.html>
              """)
          .build();

  private static final Set<String> POLICIES =
      Set.of(
          "paramiko.AutoAddPolicy",
          "paramiko.WarningPolicy",
          "paramiko.client.AutoAddPolicy",
          "paramiko.client.WarningPolicy");

  public SshHostKeyNotVerified() {
    super(META);
    on(Ast.Call.class, this::visitCall);
  }

  private void visitCall(Ast.Call c, RuleContext ctx) {
    if (!(c.func() instanceof Ast.Attribute a) || !a.attr().equals("set_missing_host_key_policy")) {
      return;
    }
    Expr policy = RuleContext.argument(c, 0, "policy");
    // The policy as made: in place, or in a local (`policy = paramiko.AutoAddPolicy()`).
    Expr made = ctx.semantic().resolve(policy);
    Expr ref = made instanceof Ast.Call pc ? pc.func() : made;
    String name = ctx.semantic().qualifiedName(ref);
    if (name != null && POLICIES.contains(name)) {
      ctx.report(
          this,
          policy,
          "`"
              + name.substring(name.lastIndexOf('.') + 1)
              + "` makes the SSH client trust any host key it has not seen before.");
    }
  }
}
