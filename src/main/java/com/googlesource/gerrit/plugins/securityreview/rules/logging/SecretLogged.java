package com.googlesource.gerrit.plugins.securityreview.rules.logging;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.NodeVisitor;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.LogLevel;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.LoggerCall;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SecretNames;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** OVN501: a log call whose arguments carry a password, token, key or credential. */
public final class SecretLogged extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("OVN501")
          .name("secret-logged")
          .title("Log call writes a password, token, key or credential in clear text")
          .severity(Severity.HIGH)
          .confidence(Confidence.MEDIUM)
          .family(Family.LOGGING_DISCLOSURE)
          .why(
              "Neutron logs, debug ones included, are collected off-host and read by operators who"
                  + " must not see tenant or service credentials.")
          .fix(
              "Log whether the value is set or a masked form (`strutils.mask_password` on the"
                  + " message, `strutils.mask_dict_password` on a dict), never the value itself.")
          .doc(
              """
              ## What it does

              Flags logging calls (`.debug/info/warning/error/exception/critical/log` on a logger:
              a value made by `logging.getLogger()` or oslo.log's `getLogger()`, the `logging`
              module itself, or as a last resort a name such as `LOG` or `self.log`) whose
              arguments carry a secret by its name: a variable, attribute, dict key, `.get()` key
              or keyword argument whose name ends in `password`, `passwd`, `pwd`, `pass`,
              `passphrase`, `secret`, `token`, `credential(s)`, `creds`, a private, API, auth, SSL
              or secret key, or `psk` (`auth_token`, `admin_password`, `metadata_proxy_shared_secret`;
              camelCase and PascalCase count the same, `adminPassword`, `AuthToken`), in the
              message, `%` arguments, f-strings, dicts, tuples or calls such as `str()`.

              It stays silent on:

              - values wrapped in `strutils.mask_password()` or `mask_dict_password()`, or passed
                through a function of the same file that pops or deletes the secret key (also
                through a variable bound to its result);
              - names that only describe a secret (`password_file`, `token_id`, `secret_ref`,
                `path_to_private_key`) and flags (`has_password`, `use_token`);
              - a dict key or keyword named like a secret whose value has a name of its own: the
                key only labels it (`{'credential': item}` logs whatever `item` is);
              - oslo.policy credentials (the result of `context.to_policy_values()`, or a name
                the same function passes to `enforce()` / `authorize()`): user, project and role
                ids, not secrets;
              - variables that hold a known constant (`for password in ('', 'NULL')`): the source
                already shows the value;
              - variables the code reads data attributes of (`token.expires_at`): they are
                objects, whose string form is their class's, not the secret;
              - `len()`, `bool()`, `isinstance()` and comparisons of a secret, which reveal
                nothing; imported modules such as `pwd` and `secrets`; the OVN
                `ovn_nb_private_key` / `ovn_sb_private_key` options, which hold file paths; and
                test code.

              A template string (`t"..."`, Python 3.14) is no mask: a logged
              `string.templatelib.Template` is written as its repr, which shows every interpolated
              value as it is, so a secret interpolated into a logged t-string is flagged as in an
              f-string, and one whose values are not secrets is not.

              ## Why it matters

              A password, Keystone token, metadata proxy shared secret or private key written to a
              log ends up in log files, journald, and the central log service, where far more people
              can read it than the secret was meant for. Debug level is no excuse: operators switch
              debug on to troubleshoot, often for days, and the log outlives the setting. The rule
              works from names, so a variable named `password` that already holds a masked value is
              a false alarm; hence medium confidence.

              ## Example

              ```python
              def _get_nova_client(self, conf):
                  LOG.debug("Connecting to Nova as %(user)s with %(password)s",
                            {'user': conf.username, 'password': conf.password})
              ```

              ## Use instead

              ```python
              def _get_nova_client(self, conf):
                  LOG.debug("Connecting to Nova as %(user)s (password set: %(pw)s)",
                            {'user': conf.username, 'pw': bool(conf.password)})
              ```

              ## References

              - CWE-532: Insertion of Sensitive Information into Log File <https://cwe.mitre.org/data/definitions/532.html>
              - OpenStack Security Guidelines: Don't log sensitive information <https://security.openstack.org/guidelines/dg_protect-sensitive-data-in-files.html>
              - oslo.utils strutils.mask_password <https://docs.openstack.org/oslo.utils/latest/reference/strutils.html>
              """)
          .build();

  /** Options named like secrets that hold file paths. */
  private static final Set<String> PATH_OPTIONS =
      Set.of("ovn_nb_private_key", "ovn_sb_private_key");

  /** Functions of a secret that reveal nothing about it. */
  private static final Set<String> HARMLESS_CALLS =
      Set.of("len", "bool", "type", "isinstance", "hasattr", "callable", "id");

  /** Methods of a string or dict whose result still carries the secret. */
  private static final Set<String> CARRYING_METHODS =
      Set.of(
          "strip", "lstrip", "rstrip", "encode", "decode", "lower", "upper", "format", "replace",
          "to_dict", "items", "values", "copy");

  private static final Set<String> KEY_METHODS = Set.of("get", "pop", "setdefault");

  public SecretLogged() {
    super(META);
    on(Call.class, this::visit);
  }

  private void visit(Call call, RuleContext ctx) {
    LoggerCall log = ctx.semantic().loggerCall(call).orElse(null);
    if (log == null) {
      return;
    }
    for (Expr arg : log.arguments()) {
      Expr secret = carrier(arg, ctx);
      if (secret != null) {
        String level =
            log.level() == LogLevel.UNKNOWN
                ? ""
                : log.level().name().toLowerCase(Locale.ROOT) + "-level ";
        ctx.report(
            this,
            secret,
            "This " + level + "log call writes `" + ctx.text(secret) + "` in clear text.");
        return;
      }
    }
  }

  /** Whether an identifier, attribute or dict key names a secret. */
  static boolean isSecretName(String name) {
    return SecretNames.isSecret(name) && !PATH_OPTIONS.contains(name);
  }

  /**
   * Whether the value given to a secret-named key or keyword may be the secret. The key only labels
   * the value: a value with a name of its own is judged by that name ({@code {'credential': i}}
   * logs whatever {@code i} is), a constant is no secret, and policy credentials hold ids and
   * roles.
   */
  private static boolean holdsValue(Expr value, SemanticModel model) {
    return !(value instanceof Ast.Constant)
        && SemanticModel.dotted(value) == null
        && !model.isPolicyCredentials(value);
  }

  /** The part of a logged expression that carries a secret, or null. */
  private static Expr carrier(Expr e, RuleContext ctx) {
    switch (e) {
      case Ast.Name n -> {
        boolean secret =
            n.ctx() == Ast.ExprContext.Load
                && isSecretName(n.id())
                && !ctx.imports().isImported(n.id())
                && !revealsNothing(n, ctx.semantic());
        return secret ? n : null;
      }
      case Ast.Attribute a -> {
        // Only the last attribute counts: creds.username is not the credential.
        return isSecretName(a.attr()) ? a : null;
      }
      case Ast.Subscript s -> {
        String key = constantKey(s.slice());
        if (key != null) {
          return isSecretName(key) ? s : null;
        }
        return carrier(s.value(), ctx);
      }
      case Ast.Call c -> {
        return callCarrier(c, ctx);
      }
      case Ast.Compare c -> {
        return null;
      }
      case Ast.UnaryOp u when u.op() == Ast.UnaryOperator.Not -> {
        return null;
      }
      case Ast.IfExp i -> {
        Expr body = carrier(i.body(), ctx);
        return body != null ? body : carrier(i.orelse(), ctx);
      }
      case Ast.Dict d -> {
        for (int i = 0; i < d.values().size(); i++) {
          Expr key = d.keys().get(i);
          Expr value = d.values().get(i);
          String k = key == null ? null : constantKey(key);
          if (k != null && isSecretName(k) && holdsValue(value, ctx.semantic())) {
            return value;
          }
          Expr inner = carrier(value, ctx);
          if (inner != null) {
            return inner;
          }
        }
        return null;
      }
      case Ast.Lambda l -> {
        return null;
      }
      default -> {
        return firstChildCarrier(e, ctx);
      }
    }
  }

  /**
   * Whether a secret-named variable shows nothing secret when logged: a constant (the source
   * already shows it: {@code for password in ('', 'NULL')}), policy credentials (ids and roles), or
   * an object the code reads data attributes of ({@code token.expires_at}), whose string form is
   * its class's, not the secret.
   */
  private static boolean revealsNothing(Ast.Name n, SemanticModel model) {
    return !model.constantValues(n).isEmpty()
        || model.isPolicyCredentials(n)
        || model.readsDataAttribute(n)
        || (model.resolve(n) instanceof Call c && removesSecret(model, c));
  }

  private static Expr callCarrier(Call c, RuleContext ctx) {
    if (ctx.semantic().isPolicyCredentials(c) || removesSecret(ctx.semantic(), c)) {
      return null;
    }
    String callee = ctx.callName(c);
    String last = callee == null ? null : SemanticModel.lastPart(callee);
    if (last != null
        && (last.equals("mask_password")
            || last.equals("mask_dict_password")
            || HARMLESS_CALLS.contains(last))) {
      return null;
    }
    if (last != null && isSecretName(last.replaceFirst("^_*get_", ""))) {
      return c; // self._get_auth_token()
    }
    if (last != null && last.equals("getattr") && c.args().size() >= 2) {
      String key = constantKey(c.args().get(1));
      if (key != null) {
        return isSecretName(key) ? c : null;
      }
    }
    if (c.func() instanceof Ast.Attribute f) {
      if (KEY_METHODS.contains(f.attr()) && !c.args().isEmpty()) {
        String key = constantKey(c.args().get(0));
        if (key != null) {
          return isSecretName(key) ? c : null;
        }
      }
      if (CARRYING_METHODS.contains(f.attr())) {
        Expr receiver = carrier(f.value(), ctx);
        if (receiver != null) {
          return receiver;
        }
      }
    }
    for (Expr a : c.args()) {
      Expr inner = carrier(a, ctx);
      if (inner != null) {
        return inner;
      }
    }
    for (Ast.Keyword k : c.keywords()) {
      if (k.arg() != null && isSecretName(k.arg()) && holdsValue(k.value(), ctx.semantic())) {
        return k.value();
      }
      Expr inner = carrier(k.value(), ctx);
      if (inner != null) {
        return inner;
      }
    }
    return null;
  }

  /**
   * Whether a call runs a function of this file that takes a secret out of what it returns: its
   * body pops or deletes a secret-named key ({@code creds.pop('password')}).
   */
  private static boolean removesSecret(SemanticModel model, Call c) {
    Ast.FunctionLike fn = model.calledFunction(c);
    if (fn == null) {
      return false;
    }
    boolean[] removes = {false};
    new NodeVisitor() {
      @Override
      protected boolean enter(Ast.Node n) {
        switch (n) {
          case Call pop
              when pop.func() instanceof Ast.Attribute f
                  && f.attr().equals("pop")
                  && !pop.args().isEmpty()
                  && isSecretName(constantKey(pop.args().get(0))) ->
              removes[0] = true;
          case Ast.Delete d -> {
            for (Expr t : d.targets()) {
              if (t instanceof Ast.Subscript s && isSecretName(constantKey(s.slice()))) {
                removes[0] = true;
              }
            }
          }
          default -> {}
        }
        return !removes[0];
      }
    }.visit(fn);
    return removes[0];
  }

  private static Expr firstChildCarrier(Expr e, RuleContext ctx) {
    List<Expr> children = new ArrayList<>();
    NodeVisitor.forEachChild(
        e,
        child -> {
          if (child instanceof Expr x) {
            children.add(x);
          }
        });
    for (Expr child : children) {
      Expr inner = carrier(child, ctx);
      if (inner != null) {
        return inner;
      }
    }
    return null;
  }

  /**
   * A key known without running the code: a string literal, or the last part of a constant such as
   * {@code portbindings.PROFILE}; null otherwise.
   */
  private static String constantKey(Expr key) {
    if (key instanceof Ast.Constant c && c.value() instanceof String s) {
      return s;
    }
    String dotted = SemanticModel.dotted(key);
    if (dotted != null) {
      String last = SemanticModel.lastPart(dotted);
      if (last.equals(last.toUpperCase(Locale.ROOT)) && Character.isLetter(last.charAt(0))) {
        return last;
      }
    }
    return null;
  }
}
