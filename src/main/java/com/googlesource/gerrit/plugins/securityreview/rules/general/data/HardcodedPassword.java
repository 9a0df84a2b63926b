package com.googlesource.gerrit.plugins.securityreview.rules.general.data;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.ConfigOption;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.ParameterDefault;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.Scope;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SecretNames;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** PY204: a string literal used as a password, token or secret. */
public final class HardcodedPassword extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("PY204")
          .name("hardcoded-password")
          .title("Password, token or secret hard-coded as a string literal")
          .severity(Severity.MEDIUM)
          .confidence(Confidence.MEDIUM)
          .family(Family.DATA)
          .bandit("B105,B106,B107")
          .ruff("S105,S106,S107")
          .why(
              "A secret in the source is known to everyone who can read the repository, its"
                  + " packages and its mirrors, and cannot be rotated without a release.")
          .fix(
              "Read the secret from configuration (an oslo.config option with `secret=True`) or"
                  + " from the environment; leave the default empty.")
          .doc(
              """
              ## What it does

              Flags a non-empty constant string (a literal, or folded from literals and names bound
              once to them) that is assigned to a name, attribute or subscript
              named like a secret (Bandit B105, Ruff S105), compared with one (`if password ==
              '...'`, S105), passed as a keyword argument named like a secret (B106, S106), the
              default of a parameter named like a secret (B107, S107), the value of a dict literal
              key named like a secret, or the `default` of an oslo.config option named like a
              secret. A secret name ends in `password`, `passwd`, `pwd`, `pass`, `passphrase`,
              `token`, `secret`, `credential(s)` or an API/auth/secret key (`adminPassword` and
              `AuthToken` count: camelCase and PascalCase are split). Unlike Ruff, which matches the
              secret word anywhere in the name, names that only describe a secret (`password_file`,
              `token_type`, `secret_ref`, `use_token`) do not count, and these values are not
              secrets: placeholders (`'***'`, `'**HIDDEN**'`, `'<password>'`, `'${TOKEN}'`,
              `'REDACTED'`, `'Unknown'`, `'fake-token'`, `'dummy'`), format strings
              (`'%(password)s'`, `'{}'`), file paths, `private_key` values that are not key
              material (a PEM block or a long base64 run) but file names, sentences, and, where
              they are stored in a constant, attribute or dict, labels of two or more words
              (`'Pre-shared Key'`) and strings that name the field rather than fill it (`PASSWORD =
              'password'`, `auth_token = 'X-Auth-Token'`, an auth plugin `'v3password'`, a
              namespaced element `'{urn:api}AccessToken'`, a key `'vendor:kmip_secret_key'` or
              `'TARGET_CHAP_SECRET'`). Dict displays of more than four entries whose values are all
              string literals are tables of labels or types (column headings, a schema's
              `{'secret_key': 'str', ...}`), not credentials, and are skipped; so is a constant the
              file passes as the value of a setting named otherwise (`STYLE_LOGIN_PASSWORD =
              'basic_auth'` given as `style=STYLE_LOGIN_PASSWORD`): it is a choice for that
              setting. An option default counts as stored (`default='password'` names the field
              for the operator to fill). Passed or compared as the secret itself,
              `connect(password='password')` is a weak password and is flagged (a constant that
              reaches the call through a name was stored there, and is judged so). Config option
              *names* (`cfg.StrOpt('password')`) and `_('...')` translations are not literals
              assigned to a secret, so they never match. Test code and fake clients (`fake*.py`,
              `*fakes.py`) are not checked: fake credentials there are not secrets (Neutron ignores
              S105 in tests; Django-style `tests.py` modules are test code too).

              ## Why it matters

              A hard-coded password or token in OpenStack code is either a real credential (for a
              service user, the metadata proxy, VRRP authentication, an OVSDB manager) now public,
              or a default that deployments forget to change and attackers try first. Names are only
              a hint that a literal is a secret, hence medium confidence.

              ## Example

              ```python
              from oslo_config import cfg

              OPTS = [
                  cfg.StrOpt('ha_vrrp_auth_password', default='neutron-vrrp',
                             secret=True),
              ]

              def connect_manager(client, host):
                  return client.connect(host, user='admin', password='s3cr3t')
              ```

              ## Use instead

              ```python
              from oslo_config import cfg

              OPTS = [
                  cfg.StrOpt('ha_vrrp_auth_password', secret=True),
              ]

              def connect_manager(client, host, conf):
                  return client.connect(host, user=conf.manager_user,
                                        password=conf.manager_password)
              ```

              ## References

              - Bandit B105, B106, B107 (hardcoded_password_*) <https://bandit.readthedocs.io/en/latest/plugins/b105_hardcoded_password_string.html>
              - Ruff S105 hardcoded-password-string, S106 hardcoded-password-func-arg, S107 hardcoded-password-default <https://docs.astral.sh/ruff/rules/hardcoded-password-string/>
              - CWE-259: Use of Hard-coded Password <https://cwe.mitre.org/data/definitions/259.html>
              - CWE-798: Use of Hard-coded Credentials <https://cwe.mitre.org/data/definitions/798.html>
              """)
          .build();

  /** Values that stand for a secret without being one. */
  private static final Pattern PLACEHOLDER =
      Pattern.compile(
          "^(?:[*xX#?.\\-_ ]+|<[^>]*>|\\$\\{[^}]*}|\\$[A-Z_]+|\\{[^}]*}|%\\([^)]*\\)s|%s"
              + "|\\*+[^*]*\\*+)$");

  /** Format directives: the value is a template, not a secret. */
  private static final Pattern FORMAT = Pattern.compile("%[sdr(]|\\{[a-zA-Z0-9_]*}");

  /** Values that say they are not real: {@code fake-token}, {@code dummy_password}. */
  private static final Pattern FAKE =
      Pattern.compile("^(?:fake|dummy|example|sample|placeholder)", Pattern.CASE_INSENSITIVE);

  /** A PEM block or a long base64 run: what a private key literal looks like. */
  private static final Pattern KEY_MATERIAL = Pattern.compile("PRIVATE KEY|[A-Za-z0-9+/]{40,}");

  private static final Set<String> PLACEHOLDER_WORDS =
      Set.of(
          "redacted",
          "masked",
          "hidden",
          "sanitized",
          "removed",
          "unset",
          "none",
          "null",
          "unknown",
          "n/a",
          "todo",
          "secret_value",
          "password_value");

  /** A dict display with more entries than this, all string literals, is a table of labels. */
  private static final int TABLE_ENTRIES = 4;

  /** Identifier-like: words of letters joined by {@code _ - . :} (a field or header name). */
  private static final Pattern NAME_LIKE =
      Pattern.compile("^[A-Za-z][A-Za-z0-9]*(?:[_.:\\-][A-Za-z0-9]+)*$");

  public HardcodedPassword() {
    super(META);
    checksOnlyPaths(path -> !isFakeModule(path));
    on(Ast.Assign.class, this::visitAssign);
    on(Ast.AnnAssign.class, this::visitAnnAssign);
    on(Ast.Compare.class, this::visitCompare);
    on(Call.class, this::visitCall);
    on(Ast.Arguments.class, this::visitArguments);
    on(Ast.Dict.class, this::visitDict);
  }

  private void visitAssign(Ast.Assign a, RuleContext ctx) {
    for (Expr target : a.targets()) {
      String name = ctx.semantic().storedName(target);
      // Only a secret's name is worth the search for how the file uses the constant.
      if (SecretNames.kind(name) == null
          || target instanceof Ast.Name n && isOtherSetting(ctx.semantic(), n)) {
        continue;
      }
      if (check(ctx, name, a.value(), true)) {
        return;
      }
    }
  }

  private void visitAnnAssign(Ast.AnnAssign a, RuleContext ctx) {
    check(ctx, ctx.semantic().storedName(a.target()), a.value(), true);
  }

  private void visitCompare(Ast.Compare c, RuleContext ctx) {
    String name = ctx.semantic().storedName(c.left());
    for (Expr right : c.comparators()) {
      check(ctx, name, right, false);
    }
  }

  private void visitCall(Call call, RuleContext ctx) {
    for (Ast.Keyword k : call.keywords()) {
      check(ctx, k.arg(), k.value(), false);
    }
    // A default is stored in the configuration: default='password' names the field.
    ConfigOption option = ctx.semantic().configOption(call).orElse(null);
    if (option != null && option.holdsText()) {
      check(ctx, option.name(), option.defaultValue(), true);
    }
  }

  private void visitArguments(Ast.Arguments args, RuleContext ctx) {
    for (ParameterDefault d : SemanticModel.parameterDefaults(args)) {
      check(ctx, d.parameter().arg(), d.value(), false);
    }
  }

  private void visitDict(Ast.Dict d, RuleContext ctx) {
    if (isTable(d)) {
      return;
    }
    SemanticModel model = ctx.semantic();
    for (int i = 0; i < d.keys().size(); i++) {
      Expr key = d.keys().get(i);
      check(
          ctx,
          key == null ? null : model.constantString(key).orElse(null),
          d.values().get(i),
          true);
    }
  }

  /**
   * Reports {@code value} when it is a constant secret for the secret name {@code name}. Where the
   * value is stored (a constant, a dict entry), a value that names the field ({@code PASSWORD =
   * 'password'}) is a key, not a secret; where it is passed or compared as the secret itself
   * ({@code connect(password='password')}), it is a (weak) password. A constant that reaches the
   * use through a name was stored in that name, and is judged as stored.
   */
  private boolean check(RuleContext ctx, String name, Expr value, boolean stored) {
    String kind = SecretNames.kind(name);
    if (kind == null || value == null) {
      return false;
    }
    String s = ctx.semantic().constantString(value).orElse(null);
    boolean throughName = !(value instanceof Ast.Constant) && !isBuiltHere(value);
    if (s == null || !isSecretValue(s, name, kind, stored || throughName)) {
      return false;
    }
    // OpenStack's private_key options and variables hold file names; only key material counts.
    if (SecretNames.isPrivateKey(name) && !KEY_MATERIAL.matcher(s).find()) {
      return false;
    }
    ctx.report(this, value, "A string literal is used as the " + kind + " `" + name + "`.");
    return true;
  }

  /**
   * A table of labels or types ({@code {'psk': 'Pre-shared Key', ...}}, a schema's {@code {'field':
   * 'str', ...}}): many entries, every value a string literal. Credentials come a few at a time.
   */
  private static boolean isTable(Ast.Dict d) {
    return d.values().size() > TABLE_ENTRIES
        && d.values().stream()
            .allMatch(v -> v instanceof Ast.Constant c && c.value() instanceof String);
  }

  /**
   * Whether the file uses a constant as the value of a setting named otherwise: it passes it as a
   * keyword argument or gives it as a parameter default whose name is no secret ({@code
   * style=STYLE_LOGIN_PASSWORD}). Then the constant is a choice for that setting, not a secret.
   */
  private static boolean isOtherSetting(SemanticModel model, Ast.Name target) {
    Scope scope = model.scopeOf(target);
    List<Ast.Name> reads =
        scope == model.moduleScope()
            ? model.moduleReads(target.id())
            : model.reads(scope, target.id());
    for (Ast.Name read : reads) {
      String setting =
          switch (model.parentOf(read)) {
            case Ast.Keyword k -> k.arg();
            case Ast.Arguments args -> defaultedParameter(args, read);
            case null, default -> null;
          };
      if (setting != null && SecretNames.kind(setting) == null) {
        return true;
      }
    }
    return false;
  }

  /** The name of the parameter whose default a value is, or null. */
  private static String defaultedParameter(Ast.Arguments args, Expr value) {
    for (ParameterDefault d : SemanticModel.parameterDefaults(args)) {
      if (d.value() == value) {
        return d.parameter().arg();
      }
    }
    return null;
  }

  /** A string built at the use from literals ({@code 'a' + 'b'}, an f-string), not a name. */
  private static boolean isBuiltHere(Expr value) {
    return value instanceof Ast.BinOp || value instanceof Ast.JoinedStr;
  }

  private static boolean isSecretValue(String raw, String name, String kind, boolean stored) {
    String s = raw.strip();
    if (s.contains("PRIVATE KEY")) {
      return true;
    }
    if (s.isEmpty()
        || PLACEHOLDER.matcher(s).matches()
        || PLACEHOLDER_WORDS.contains(s.toLowerCase(Locale.ROOT))
        || FORMAT.matcher(s).find()
        || FAKE.matcher(s).find()) {
      return false;
    }
    // A path (a key or token file), or a sentence (a help or log text).
    if (s.startsWith("/") || s.startsWith("./") || s.startsWith("~/")) {
      return false;
    }
    int words = s.split("\\s+").length;
    if (words >= 3) {
      return false;
    }
    if (!stored) {
      return true;
    }
    // A stored text of words is a label ('Pre-shared Key').
    if (words >= 2) {
      return false;
    }
    // PASSWORD = 'password', auth_token = 'X-Auth-Token', AUTH_PLUGIN = 'v3password'.
    if (NameWords.snake(s).equals(NameWords.snake(name))) {
      return false;
    }
    return !namesField(s, kind);
  }

  /**
   * Whether a stored value names a secret field rather than filling it: an identifier (the part
   * after a namespace such as {@code '{ns}AccessToken'}) with no run of digits that has a secret
   * word of the same kind ({@code 'X-Auth-Token'}), or of any kind when it joins several words
   * ({@code 'PURE_TARGET_CHAP_SECRET'}, {@code 'vendor:kmip_secret_key'}).
   */
  private static boolean namesField(String s, String kind) {
    String label = s.substring(Math.max(s.lastIndexOf('}'), s.lastIndexOf('/')) + 1);
    if (!NAME_LIKE.matcher(label).matches() || label.matches(".*[0-9].*[0-9].*|.*[0-9]$")) {
      return false;
    }
    Set<String> kinds = SecretNames.kindsIn(label);
    boolean severalWords = NameWords.snake(label).matches(".*[_:.].*");
    return kinds.contains(kind) || (severalWords && !kinds.isEmpty());
  }

  /** Fake clients shipped outside the tests folders ({@code fake_keystoneclient.py}). */
  private static boolean isFakeModule(String path) {
    String file = path.substring(path.lastIndexOf('/') + 1);
    return file.startsWith("fake") || file.endsWith("fakes.py");
  }
}
