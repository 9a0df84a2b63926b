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

/** PY302: a broken cipher (DES, RC2, RC4, Blowfish, IDEA, XOR...) or the ECB mode. */
public final class WeakCipher extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("PY302")
          .name("weak-cipher")
          .title("Broken cipher or ECB mode")
          .severity(Severity.HIGH)
          .confidence(Confidence.HIGH)
          .family(Family.CRYPTO)
          .bandit("B304,B305")
          .ruff("S304,S305")
          .why(
              "DES, 3DES, RC2, RC4, Blowfish, CAST5, IDEA, SEED and XOR are breakable (short keys,"
                  + " biased key streams or 64-bit blocks), and ECB encrypts equal blocks to equal"
                  + " ciphertext, so the data's structure shows through.")
          .fix(
              "Use an authenticated cipher: `cryptography`'s `Fernet` or `AESGCM` (or AES with GCM"
                  + " mode in PyCryptodome).")
          .doc(
              """
              ## What it does

              Flags the constructors of broken ciphers and the ECB mode:

              - PyCrypto / PyCryptodome
                `Crypto.Cipher.ARC2/ARC4/Blowfish/CAST/DES/DES3/XOR.new(...)` (also under
                `Cryptodome`) (Bandit B304, Ruff S304);
              - cryptography's `algorithms.ARC4/Blowfish/CAST5/IDEA/SEED/TripleDES`, called or
                passed (Bandit B304, Ruff S304);
              - cryptography's `modes.ECB` (Bandit B305, Ruff S305) and PyCryptodome's `MODE_ECB`
                passed to any `Crypto.Cipher.*.new(...)`.

              Silent: AES, ChaCha20 and the other modes (CBC, CTR, GCM, ...); names that only look
              alike (`self.des`, a local class called `Blowfish`); and test code.

              ## Why it matters

              Neutron encrypts nothing itself, but agents and drivers that store or ship credentials
              (switch passwords, VPN keys) sometimes do. A broken cipher there turns an encrypted
              secret into a plaintext one for anyone who reads the database or the wire.

              ## Example

              ```python
              from Crypto.Cipher import DES

              cipher = DES.new(key, DES.MODE_ECB)
              token = cipher.encrypt(pad(password))
              ```

              ## Use instead

              ```python
              from cryptography.fernet import Fernet

              token = Fernet(key).encrypt(password.encode())
              ```

              ## References

              - Bandit B304/B305: ciphers and cipher modes <https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b304-b305-ciphers-and-modes>
              - Ruff S304: suspicious-insecure-cipher-usage <https://docs.astral.sh/ruff/rules/suspicious-insecure-cipher-usage/>
              - Ruff S305: suspicious-insecure-cipher-mode-usage <https://docs.astral.sh/ruff/rules/suspicious-insecure-cipher-mode-usage/>
              - CWE-327: Use of a Broken or Risky Cryptographic Algorithm <https://cwe.mitre.org/data/definitions/327.html>
              """)
          .build();

  private static final Set<String> PYCRYPTO_CIPHERS =
      Set.of("ARC2", "ARC4", "Blowfish", "CAST", "DES", "DES3", "XOR");

  private static final String ALGORITHMS = "cryptography.hazmat.primitives.ciphers.algorithms.";

  private static final Set<String> CRYPTOGRAPHY_CIPHERS =
      Set.of("ARC4", "Blowfish", "CAST5", "IDEA", "SEED", "TripleDES");

  private static final String ECB = "cryptography.hazmat.primitives.ciphers.modes.ECB";

  public WeakCipher() {
    super(META);
    onNamesFrom(Ast.Call.class, Set.of("Crypto", "Cryptodome"), this::visitPyCrypto);
    onNamesFrom(Ast.Attribute.class, Set.of("cryptography"), this::visitReference);
    onNamesFrom(Ast.Name.class, Set.of("cryptography"), this::visitReference);
  }

  private void visitPyCrypto(Ast.Call c, RuleContext ctx) {
    String name = ctx.semantic().callName(c);
    if (name == null) {
      return;
    }
    String[] parts = name.split("\\.");
    if (parts.length != 4
        || !(parts[0].equals("Crypto") || parts[0].equals("Cryptodome"))
        || !parts[1].equals("Cipher")
        || !parts[3].equals("new")) {
      return;
    }
    if (PYCRYPTO_CIPHERS.contains(parts[2])) {
      ctx.report(
          this, c.func(), "`" + parts[2] + ".new()` creates a " + label(parts[2]) + " cipher.");
      return;
    }
    Expr mode = RuleContext.argument(c, 1, "mode");
    String modeName = ctx.semantic().qualifiedName(mode);
    if (modeName != null && modeName.endsWith(".MODE_ECB")) {
      ctx.report(this, mode, "`" + parts[2] + ".new()` is given the ECB mode.");
    }
  }

  private void visitReference(Expr e, RuleContext ctx) {
    if (ctx.parent() instanceof Ast.Attribute) {
      return; // Part of a longer chain, which is visited on its own.
    }
    String name = ctx.semantic().qualifiedName(e);
    if (name == null) {
      return;
    }
    if (name.equals(ECB)) {
      ctx.report(this, e, "`modes.ECB` encrypts equal blocks to equal ciphertext.");
    } else if (name.startsWith(ALGORITHMS)
        && CRYPTOGRAPHY_CIPHERS.contains(name.substring(ALGORITHMS.length()))) {
      String cipher = name.substring(ALGORITHMS.length());
      ctx.report(this, e, "`algorithms." + cipher + "` selects a " + label(cipher) + " cipher.");
    }
  }

  private static String label(String cipher) {
    return switch (cipher) {
      case "ARC2" -> "broken RC2";
      case "ARC4" -> "broken RC4 stream";
      case "DES" -> "56-bit DES";
      case "DES3", "TripleDES" -> "64-bit block (Sweet32) Triple DES";
      case "XOR" -> "trivially reversible XOR";
      default -> "64-bit block " + cipher;
    };
  }
}
