package com.googlesource.gerrit.plugins.securityreview.rules.general.crypto;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.DottedNames;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * PY301: MD4, MD5 or SHA-1 (or a weak {@code crypt} method) used without opting out of security.
 */
public final class WeakHash extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("PY301")
          .name("weak-hash")
          .title("MD5 or SHA-1 used without `usedforsecurity=False`")
          .severity(Severity.MEDIUM)
          .confidence(Confidence.LOW)
          .family(Family.CRYPTO)
          .bandit("B303,B324")
          .ruff("S303,S324")
          .why(
              "MD4, MD5 and SHA-1 have practical collision attacks, and FIPS-enabled hosts (which"
                  + " OpenStack distributions ship) refuse them unless the call says it is not for"
                  + " security.")
          .fix(
              "For security use SHA-256 or better (`hashlib.sha256`, `hmac` with SHA-256); for a"
                  + " cache key, ETag or other fingerprint pass `usedforsecurity=False` (directly"
                  + " or through `oslo_utils.secretutils.md5`).")
          .doc(
              """
              ## What it does

              Flags calls that compute a weak digest:

              - `hashlib.md4/md5/sha/sha1(...)` and `hashlib.new('md5'|'md4'|'sha'|'sha1')` in any
                letter case, the name given as a literal or a constant (Bandit B324, Ruff S324);
              - `oslo_utils.secretutils.md5(...)`, whose `usedforsecurity` defaults to True;
              - PyCrypto / PyCryptodome `Crypto.Hash.MD2/MD4/MD5/SHA/SHA1.new(...)` and
                cryptography's `hashes.MD5` / `hashes.SHA1`, called or passed (Bandit B303, Ruff
                S303);
              - `crypt.crypt` / `crypt.mksalt` with `METHOD_CRYPT`, `METHOD_MD5` or
                `METHOD_BLOWFISH`.

              Silent: any call that passes `usedforsecurity=False`, literally or through a constant
              (the marker OpenStack's FIPS work
              put on every MD5 used for cache keys, ETags and resource hashes), `hashlib.new(name)`
              with a non-literal name, references such as `hmac.new(key, msg, hashlib.sha1)` (HMAC
              does not rely on collision resistance), `hashlib.sha1().digest_size` (nothing is
              hashed) and test code (Neutron waives S324 for its test helpers that hash names).

              Non-security identifiers: when the digest visibly names a cache entry, an ETag, a
              fingerprint, a shard or a file (the assigned variable, dict key, keyword, enclosing
              call such as `cert.fingerprint(...)` or enclosing function says cache, etag,
              fingerprint, name, shard, bucket, ring, uuid, prefix or suffix), SHA-1 is not flagged
              (FIPS mode still allows it, and nothing relies on its collision resistance there; Nova
              names its image cache files that way), while MD5 and MD4 still are, with a message
              that asks only for `usedforsecurity=False`: without it the call raises on FIPS-mode
              hosts. "checksum" does not count as an identifier, since a checksum that guards
              integrity is a security use.

              Its confidence is low, so it comments without voting or opening an unresolved thread:
              on the calibration corpus (18 OpenStack repositories, `tools/ecosystem/`) 1 of its 6
              findings was a defect; the others were digests a wire protocol prescribes or
              change-detection fingerprints, which the code does not tell apart from security uses.

              ## Why it matters

              Neutron's production code has no MD5 or SHA-1 left: hashes such as the OVN L3
              scheduler's use SHA-512, and the metadata proxy signs instance ids with HMAC-SHA256. A
              new MD5 either protects something it cannot protect (a signature, a password, a token)
              or is a non-security fingerprint that breaks on FIPS-mode hosts until it is marked
              `usedforsecurity=False`. Both deserve a review comment; the message tells which one
              the code looks like.

              ## Example

              ```python
              def _port_cache_key(port):
                  return hashlib.md5(port['id'].encode()).hexdigest()

              def sign(secret, instance_id):
                  return hashlib.sha1(secret + instance_id).hexdigest()
              ```

              ## Use instead

              ```python
              def _port_cache_key(port):
                  return hashlib.md5(port['id'].encode(), usedforsecurity=False).hexdigest()

              def sign(secret, instance_id):
                  return hmac.new(secret, instance_id, hashlib.sha256).hexdigest()
              ```

              ## References

              - Bandit B324: hashlib <https://bandit.readthedocs.io/en/latest/plugins/b324_hashlib.html>
              - Bandit B303: md5 (blacklist calls) <https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b303-md5>
              - Ruff S324: hashlib-insecure-hash-function <https://docs.astral.sh/ruff/rules/hashlib-insecure-hash-function/>
              - Ruff S303: suspicious-insecure-hash-usage <https://docs.astral.sh/ruff/rules/suspicious-insecure-hash-usage/>
              - oslo.utils secretutils.md5 <https://docs.openstack.org/oslo.utils/latest/reference/secretutils.html>
              - CWE-327: Use of a Broken or Risky Cryptographic Algorithm <https://cwe.mitre.org/data/definitions/327.html>
              """)
          .build();

  /** Weak hashlib constructors, by qualified name, and what to call them in a message. */
  private static final Map<String, String> HASHLIB =
      Map.of(
          "hashlib.md4", "MD4",
          "hashlib.md5", "MD5",
          "hashlib.sha", "SHA-1",
          "hashlib.sha1", "SHA-1",
          "oslo_utils.secretutils.md5", "MD5");

  private static final Map<String, String> NEW_NAMES =
      Map.of("md4", "MD4", "md5", "MD5", "sha", "SHA-1", "sha1", "SHA-1");

  private static final Map<String, String> PYCRYPTO =
      Map.of(
          "MD2", "MD2", "MD3", "MD3", "MD4", "MD4", "MD5", "MD5", "SHA", "SHA-1", "SHA1", "SHA-1");

  /** The packages of the calls above, and of PyCrypto's and {@code crypt}'s that the code names. */
  private static final Set<String> CALL_PACKAGES =
      DottedNames.firstParts(HASHLIB.keySet(), List.of("Crypto", "Cryptodome", "crypt"));

  private static final String CRYPTOGRAPHY_HASHES = "cryptography.hazmat.primitives.hashes.";

  private static final Set<String> WEAK_CRYPT =
      Set.of("crypt.METHOD_CRYPT", "crypt.METHOD_MD5", "crypt.METHOD_BLOWFISH");

  /** Attributes of a hash object that do not depend on what it hashes. */
  private static final Set<String> SIZE_ATTRIBUTES = Set.of("digest_size", "block_size", "name");

  /**
   * Words in a name that say the digest only identifies something (a cache entry, a file, a shard),
   * as opposed to checking integrity ("checksum" is left out on purpose) or authenticity.
   */
  private static final Set<String> IDENTIFIER_WORDS =
      Set.of(
          "cache",
          "etag",
          "fingerprint",
          "name",
          "shard",
          "bucket",
          "ring",
          "dedup",
          "uuid",
          "suffix",
          "prefix");

  public WeakHash() {
    super(META);
    onNamesFrom(Ast.Call.class, CALL_PACKAGES, this::visitCall);
    onNamesFrom(Ast.Attribute.class, Set.of("cryptography"), this::visitReference);
    onNamesFrom(Ast.Name.class, Set.of("cryptography"), this::visitReference);
  }

  private void visitCall(Ast.Call c, RuleContext ctx) {
    SemanticModel model = ctx.semantic();
    String name = model.callName(c);
    if (name == null || model.isFalse(RuleContext.keyword(c, "usedforsecurity"))) {
      return;
    }
    String algorithm = HASHLIB.get(name);
    if (algorithm != null) {
      report(ctx, c, c.func(), algorithm, "`" + SemanticModel.dotted(c.func()) + "()`");
      return;
    }
    if (name.equals("hashlib.new")) {
      Expr arg = RuleContext.argument(c, 0, "name");
      String literal = model.constantString(arg).orElse(null);
      algorithm = literal == null ? null : NEW_NAMES.get(literal.toLowerCase(Locale.ROOT));
      if (algorithm != null) {
        report(ctx, c, arg, algorithm, "`hashlib.new('" + literal + "')`");
      }
      return;
    }
    String[] parts = name.split("\\.");
    if (parts.length == 4
        && (parts[0].equals("Crypto") || parts[0].equals("Cryptodome"))
        && parts[1].equals("Hash")
        && parts[3].equals("new")
        && PYCRYPTO.containsKey(parts[2])) {
      report(ctx, c, c.func(), PYCRYPTO.get(parts[2]), "`" + parts[2] + ".new()`");
      return;
    }
    if (name.equals("crypt.crypt") || name.equals("crypt.mksalt")) {
      Expr method =
          name.equals("crypt.crypt")
              ? RuleContext.argument(c, 1, "salt")
              : RuleContext.argument(c, 0, "method");
      String methodName = model.qualifiedName(method);
      if (methodName != null && WEAK_CRYPT.contains(methodName)) {
        ctx.report(
            this,
            method,
            "`"
                + name
                + "` with `"
                + methodName.substring(methodName.lastIndexOf('.') + 1)
                + "` makes a password hash that is quick to brute-force.");
      }
    }
  }

  /** cryptography's {@code hashes.MD5} / {@code hashes.SHA1}, called or passed uncalled. */
  private void visitReference(Expr e, RuleContext ctx) {
    if (ctx.parent() instanceof Ast.Attribute) {
      return; // Part of a longer chain, which is visited on its own.
    }
    String name = ctx.semantic().qualifiedName(e);
    if (name == null || !name.startsWith(CRYPTOGRAPHY_HASHES)) {
      return;
    }
    String member = name.substring(CRYPTOGRAPHY_HASHES.length());
    String algorithm =
        switch (member) {
          case "MD5" -> "MD5";
          case "SHA1" -> "SHA-1";
          default -> null;
        };
    if (algorithm == null) {
      return;
    }
    if (identifierHint(ctx, e) != null && algorithm.equals("SHA-1")) {
      return; // A SHA-1 fingerprint that identifies a certificate, as `ssh-keygen -l` shows.
    }
    ctx.report(
        this,
        e,
        "cryptography's `hashes."
            + member
            + "` selects "
            + algorithm
            + ", which is broken for signatures and certificates.");
  }

  private void report(RuleContext ctx, Ast.Call call, Expr at, String algorithm, String what) {
    if (ctx.parent() instanceof Ast.Attribute a && SIZE_ATTRIBUTES.contains(a.attr())) {
      return; // hashlib.sha1().digest_size hashes nothing.
    }
    String hint = identifierHint(ctx, call);
    if (hint == null) {
      ctx.report(this, at, what + " computes " + algorithm + " without `usedforsecurity=False`.");
    } else if (!algorithm.equals("SHA-1")) {
      ctx.report(
          this,
          at,
          what
              + " computes "
              + algorithm
              + " for what looks like a non-security identifier (`"
              + hint
              + "`) but does not pass `usedforsecurity=False`, so it fails on FIPS hosts.");
    }
    // SHA-1 naming a cache entry, an ETag or a file: FIPS allows it and nothing relies on it.
  }

  /**
   * The name that shows the digest only identifies something (the assigned variable, the dict key,
   * the keyword, a call such as {@code cert.fingerprint(...)} or the enclosing function), or null.
   */
  private static String identifierHint(RuleContext ctx, Node digest) {
    SemanticModel model = ctx.semantic();
    for (Node n : ctx.ancestors()) {
      List<String> candidates =
          switch (n) {
            case Ast.Keyword k -> Collections.singletonList(k.arg());
            case Ast.Call c when c.func() instanceof Ast.Attribute a -> List.of(a.attr());
            default -> ValueNames.assigned(model, n);
          };
      for (String candidate : candidates) {
        if (isIdentifier(candidate)) {
          return candidate;
        }
      }
      if (n instanceof Ast.Stmt) {
        break;
      }
    }
    String function = ValueNames.functionName(model, digest);
    return isIdentifier(function) ? function : null;
  }

  private static boolean isIdentifier(String name) {
    return name != null && ValueNames.words(name).stream().anyMatch(IDENTIFIER_WORDS::contains);
  }
}
