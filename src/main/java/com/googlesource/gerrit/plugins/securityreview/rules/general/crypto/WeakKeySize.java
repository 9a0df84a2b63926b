package com.googlesource.gerrit.plugins.securityreview.rules.general.crypto;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import java.math.BigInteger;
import java.util.Set;

/** PY303: an RSA or DSA key generated with fewer than 2048 bits, or an EC key under 224 bits. */
public final class WeakKeySize extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("PY303")
          .name("weak-key-size")
          .title("RSA/DSA key under 2048 bits or elliptic curve under 224 bits")
          .severity(Severity.HIGH)
          .confidence(Confidence.HIGH)
          .family(Family.CRYPTO)
          .bandit("B505")
          .ruff("S505")
          .why(
              "Keys of that size can be factored or solved with resources within reach of a"
                  + " determined attacker, and NIST disallowed them after 2013.")
          .fix(
              "Generate RSA keys of at least 3072 bits (2048 at the very least), Ed25519 keys, or"
                  + " EC keys on SECP256R1 or larger.")
          .doc(
              """
              ## What it does

              Flags private key generation with a constant size that is too small (a literal, or a
              name bound once to one):

              - cryptography's `rsa.generate_private_key(public_exponent, key_size)` and
                `dsa.generate_private_key(key_size)` below 2048 bits;
              - cryptography's `ec.generate_private_key(curve)` with `SECP192R1`, `SECT163K1` or
                `SECT163R2` (called or not);
              - PyCrypto / PyCryptodome `RSA.generate(bits)` and `DSA.generate(bits)` below 2048
                bits;
              - paramiko's `RSAKey.generate(bits)` below 2048 bits and any `DSSKey.generate()` (DSS
                keys are 1024 bits by definition), which neither Bandit nor Ruff check.

              Silent: sizes that are not constants (read from configuration) and test code, which
              makes small keys on purpose to run fast.

              ## Why it matters

              Agents that generate SSH or TLS keys (for example to reach switches or to serve OVSDB
              over SSL) keep them for years; a key that is weak at birth only gets weaker.

              ## Example

              ```python
              key = rsa.generate_private_key(public_exponent=65537, key_size=1024)
              ```

              ## Use instead

              ```python
              key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
              ```

              ## References

              - Bandit B505: weak_cryptographic_key <https://bandit.readthedocs.io/en/latest/plugins/b505_weak_cryptographic_key.html>
              - Ruff S505: weak-cryptographic-key <https://docs.astral.sh/ruff/rules/weak-cryptographic-key/>
              - NIST SP 800-131A Rev. 2 <https://csrc.nist.gov/pubs/sp/800/131/a/r2/final>
              - CWE-326: Inadequate Encryption Strength <https://cwe.mitre.org/data/definitions/326.html>
              """)
          .build();

  private static final String ASYMMETRIC = "cryptography.hazmat.primitives.asymmetric.";
  private static final Set<String> WEAK_CURVES = Set.of("SECP192R1", "SECT163K1", "SECT163R2");
  private static final BigInteger MINIMUM = BigInteger.valueOf(2048);

  public WeakKeySize() {
    super(META);
    on(Ast.Call.class, this::visitCall);
  }

  private void visitCall(Ast.Call c, RuleContext ctx) {
    switch (String.valueOf(ctx.semantic().callName(c))) {
      case ASYMMETRIC + "rsa.generate_private_key" ->
          checkBits(ctx, "RSA", RuleContext.argument(c, 1, "key_size"));
      case ASYMMETRIC + "dsa.generate_private_key" ->
          checkBits(ctx, "DSA", RuleContext.argument(c, 0, "key_size"));
      case ASYMMETRIC + "ec.generate_private_key" -> {
        Expr curve = RuleContext.argument(c, 0, "curve");
        Expr ref = curve instanceof Ast.Call cc && cc.args().isEmpty() ? cc.func() : curve;
        String curveName = ctx.semantic().qualifiedName(ref);
        String member =
            curveName != null && curveName.startsWith(ASYMMETRIC + "ec.")
                ? curveName.substring((ASYMMETRIC + "ec.").length())
                : null;
        if (member != null && WEAK_CURVES.contains(member)) {
          ctx.report(this, curve, "The elliptic curve " + member + " is under 224 bits.");
        }
      }
      case "Crypto.PublicKey.RSA.generate", "Cryptodome.PublicKey.RSA.generate" ->
          checkBits(ctx, "RSA", RuleContext.argument(c, 0, "bits"));
      case "Crypto.PublicKey.DSA.generate", "Cryptodome.PublicKey.DSA.generate" ->
          checkBits(ctx, "DSA", RuleContext.argument(c, 0, "bits"));
      case "paramiko.RSAKey.generate", "paramiko.rsakey.RSAKey.generate" ->
          checkBits(ctx, "RSA", RuleContext.argument(c, 0, "bits"));
      case "paramiko.DSSKey.generate", "paramiko.dsskey.DSSKey.generate" ->
          ctx.report(this, c.func(), "paramiko's `DSSKey.generate()` makes a 1024-bit DSA key.");
      default -> {}
    }
  }

  /** Reports a key size that is a constant (folded, or a name bound once) under the minimum. */
  private void checkBits(RuleContext ctx, String kind, Expr size) {
    Object value = size == null ? null : ctx.semantic().constantValue(size).orElse(null);
    if (value instanceof BigInteger bits && bits.signum() > 0 && bits.compareTo(MINIMUM) < 0) {
      ctx.report(this, size, "A " + bits + "-bit " + kind + " key is generated.");
    }
  }
}
