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
import com.googlesource.gerrit.plugins.securityreview.python.semantic.Scope;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SecretNames;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** PY309: the {@code random} module's generator used to make a token, password, key or nonce. */
public final class InsecureRandomSecret extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("PY309")
          .name("insecure-random-secret")
          .title("`random` used to generate a secret")
          .severity(Severity.HIGH)
          .confidence(Confidence.MEDIUM)
          .family(Family.CRYPTO)
          .bandit("B311")
          .ruff("S311")
          .why(
              "The `random` module is a Mersenne Twister: after 624 outputs an observer can predict"
                  + " every value it will produce, so tokens, passwords and nonces made with it can"
                  + " be guessed.")
          .fix(
              "Use the `secrets` module (`secrets.token_urlsafe()`, `secrets.choice()`,"
                  + " `secrets.token_bytes()`) or `random.SystemRandom()`.")
          .doc(
              """
              ## What it does

              Flags calls of the `random` module's functions (`random`, `randint`, `randrange`,
              `choice`, `choices`, `sample`, `shuffle`, `uniform`, `triangular`, `getrandbits`,
              `randbytes`, and `random.Random()`) whose result visibly becomes a secret: it is
              assigned to, returned from, passed as or stored under a name whose words include
              token, password / passwd / passphrase, secret, nonce, salt, otp, csrf / xsrf,
              challenge, credential, cookie, psk, iv or a qualified key (api_key, secret_key,
              private_key, signing_key, ...), directly or through up to three local variables
              (`upper = random.choice(...); pre = upper + digit; password = pre + ...`), or it is
              passed to a function so named (`set_password(...)`).

              Silent: every other use, and test code. Bandit B311 and Ruff S311 flag every call of
              the module; in OpenStack code nearly all of them spread load or time (jittered
              start-up delays, `random.shuffle(hosts)`, `random.sample(agents, n)`, retry back-off),
              where predictability costs nothing, which is why Neutron waives S311 in tests and
              marks the rest `# noqa: S311`. A generic or ambiguous name (`key`, `value`, `name`)
              does not count. Nor does a name that also speaks of time, size or position
              (`token_bucket_delay`, `password_length`, `retry_interval`), nor one that ends in a
              word saying it is about a secret rather than the secret (`auth_key_id`,
              `token_type`); the value is not followed through such a name either, since an id
              that picks a configured key makes no key. `random.SystemRandom()` and `secrets` are never flagged, nor is a
              variable that only shares the module's name (`random = random_module.SystemRandom()`):
              the call must reach the `random` module through an import.

              ## Why it matters

              Neutron makes tokens and passwords rarely (keepalived's VRRP password, the metadata
              proxy's shared secret comes from configuration), but a patch that adds one with
              `random` produces values an attacker who sees a few other outputs of the same process
              can predict.

              ## Example

              ```python
              def _generate_vrrp_password(length=8):
                  chars = string.ascii_letters + string.digits
                  return ''.join(random.choice(chars) for _ in range(length))
              ```

              ## Use instead

              ```python
              def _generate_vrrp_password(length=8):
                  chars = string.ascii_letters + string.digits
                  return ''.join(secrets.choice(chars) for _ in range(length))
              ```

              ## References

              - Bandit B311: random <https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b311-random>
              - Ruff S311: suspicious-non-cryptographic-random-usage <https://docs.astral.sh/ruff/rules/suspicious-non-cryptographic-random-usage/>
              - Python secrets module <https://docs.python.org/3/library/secrets.html>
              - CWE-338: Use of Cryptographically Weak PRNG <https://cwe.mitre.org/data/definitions/338.html>
              """)
          .build();

  private static final Set<String> FUNCTIONS =
      Set.of(
          "Random",
          "random",
          "randint",
          "randrange",
          "choice",
          "choices",
          "sample",
          "shuffle",
          "uniform",
          "triangular",
          "getrandbits",
          "randbytes");

  /** How many local variables a random value is followed through. */
  private static final int MAX_HOPS = 3;

  /** Words that make a name a secret by themselves. */
  private static final Set<String> SECRET_WORDS =
      Set.of(
          "token",
          "tokens",
          "password",
          "passwords",
          "passwd",
          "passphrase",
          "pwd",
          "secret",
          "secrets",
          "nonce",
          "salt",
          "otp",
          "csrf",
          "xsrf",
          "challenge",
          "credential",
          "credentials",
          "cookie",
          "psk",
          "apikey",
          "iv");

  /** Words that make "key" a secret key: api_key, secret_key, private_key, ... */
  private static final Set<String> KEY_QUALIFIERS =
      Set.of(
          "api",
          "auth",
          "access",
          "private",
          "encryption",
          "encrypt",
          "signing",
          "sign",
          "hmac",
          "shared",
          "crypto",
          "crypt",
          "session",
          "master",
          "aes");

  /** Words that make a name about time, size or position, whatever else it says. */
  private static final Set<String> MEASURE_WORDS =
      Set.of(
          "delay",
          "interval",
          "jitter",
          "sleep",
          "backoff",
          "timeout",
          "wait",
          "bucket",
          "count",
          "index",
          "idx",
          "length",
          "len",
          "size",
          "weight",
          "offset",
          "retry",
          "retries",
          "ttl",
          "limit",
          "rate");

  public InsecureRandomSecret() {
    super(META);
    on(Ast.Call.class, this::visitCall);
  }

  private void visitCall(Ast.Call c, RuleContext ctx) {
    String name = ctx.semantic().callName(c);
    if (name == null
        || !name.startsWith("random.")
        || !FUNCTIONS.contains(name.substring("random.".length()))
        || !resolvesThroughImport(ctx, c)) {
      return;
    }
    String secret = secretSink(ctx, c);
    if (secret != null) {
      ctx.report(
          this,
          c.func(),
          "`" + name + "()` generates `" + secret + "`, which looks like a secret.");
    }
  }

  /**
   * Whether the call's name comes from an import, not from a variable that merely shares the
   * module's name ({@code random = random_module.SystemRandom()}).
   */
  private static boolean resolvesThroughImport(RuleContext ctx, Ast.Call c) {
    String dotted = SemanticModel.dotted(c.func());
    if (dotted == null) {
      return false;
    }
    return ctx.imports().isImported(DottedNames.firstPart(dotted))
        || !dotted.equals(ctx.semantic().callName(c));
  }

  /** The secret-sounding name the call's result flows into, or null. */
  private static String secretSink(RuleContext ctx, Ast.Call call) {
    SemanticModel model = ctx.semantic();
    Node child = call;
    for (Node n : ctx.ancestors()) {
      Node below = child;
      String hit =
          switch (n) {
            case Ast.Keyword k -> secretOrNull(k.arg());
            case Ast.Call c when c.func() != below -> secretOrNull(ValueNames.calleeName(model, c));
            case Ast.Dict d -> secretOrNull(dictKey(model, d, below));
            case Ast.Return r -> secretOrNull(ValueNames.functionName(model, r));
            default -> assignedSecret(model, n);
          };
      if (hit != null || n instanceof Ast.Stmt) {
        return hit;
      }
      child = n;
    }
    return null;
  }

  /** The constant key a value is stored under in a dict display, or null. */
  private static String dictKey(SemanticModel model, Ast.Dict d, Node value) {
    for (int i = 0; i < d.values().size(); i++) {
      if (d.values().get(i) == value) {
        return model.constantString(d.keys().get(i)).orElse(null);
      }
    }
    return null;
  }

  /**
   * A secret target of an assignment, or one its value reaches through local variables: {@code
   * upper = random.choice(...); pre = upper + digit; password = pre + ...}, or {@code return pre}
   * in a function named for a secret.
   */
  private static String assignedSecret(SemanticModel model, Node stmt) {
    String hit = firstSecret(ValueNames.assigned(model, stmt));
    Expr target =
        switch (stmt) {
          case Ast.Assign a when a.targets().size() == 1 -> a.targets().get(0);
          case Ast.AnnAssign a -> a.target();
          case Ast.AugAssign a -> a.target();
          default -> null;
        };
    // A local named as an id or name of a secret (auth_key_id) picks one; it makes none.
    if (hit == null && target instanceof Ast.Name local && !SecretNames.isAbout(local.id())) {
      return laterSecret(model, model.scopeOf(stmt), local.id(), new HashSet<>());
    }
    return hit;
  }

  /**
   * Follows a local of a function through the assignments and returns that read it, up to {@link
   * #MAX_HOPS} locals, to a secret-sounding name. The model's reads of each name are looked up:
   * nothing is walked again.
   */
  private static String laterSecret(
      SemanticModel model, Scope scope, String local, Set<String> seen) {
    if (!scope.isFunction() || !seen.add(local) || seen.size() > MAX_HOPS) {
      return null;
    }
    List<String> next = new ArrayList<>();
    for (Ast.Name read : model.reads(scope, local)) {
      Ast.Stmt stmt = model.statementOf(read);
      if (stmt instanceof Ast.Assign a && isWithin(model, read, a.value(), a)) {
        for (Expr t : a.targets()) {
          String name = ValueNames.targetName(model, t);
          if (secretOrNull(name) != null) {
            return name;
          }
          if (t instanceof Ast.Name n && !n.id().equals(local) && !SecretNames.isAbout(n.id())) {
            next.add(n.id());
          }
        }
      } else if (stmt instanceof Ast.Return r && r.value() != null) {
        String hit = secretOrNull(ValueNames.functionName(model, r));
        if (hit != null) {
          return hit;
        }
      }
    }
    for (String n : next) {
      String hit = laterSecret(model, scope, n, seen);
      if (hit != null) {
        return hit;
      }
    }
    return null;
  }

  /** Whether a node lies in an expression of a statement (walking up, at most to the statement). */
  private static boolean isWithin(SemanticModel model, Node node, Expr expr, Ast.Stmt stmt) {
    for (Node n = node; n != null && n != stmt; n = model.parentOf(n)) {
      if (n == expr) {
        return true;
      }
    }
    return false;
  }

  private static String firstSecret(List<String> names) {
    for (String name : names) {
      if (secretOrNull(name) != null) {
        return name;
      }
    }
    return null;
  }

  /** The name itself when it sounds like a secret, else null. */
  private static String secretOrNull(String name) {
    if (name == null) {
      return null;
    }
    List<String> words = ValueNames.words(name);
    if (words.stream().anyMatch(MEASURE_WORDS::contains) || SecretNames.isAbout(name)) {
      return null;
    }
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (SECRET_WORDS.contains(w)) {
        return name;
      }
      if (w.equals("key") && i > 0 && KEY_QUALIFIERS.contains(words.get(i - 1))) {
        return name;
      }
    }
    return null;
  }
}
