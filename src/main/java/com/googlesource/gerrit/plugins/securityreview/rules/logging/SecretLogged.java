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
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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
              arguments carry a secret by its name: a variable,
              attribute, dict key, `.get()` key or keyword argument called `password`, `passwd`,
              `pwd`, `passphrase`, `secret`, `token`, `credential(s)`, `creds`, `private_key`,
              `api_key`, `ssl_key` or `secret_key` (or ending in one of them, such as `auth_token`,
              `admin_password` or `metadata_proxy_shared_secret`), in the message, `%` arguments,
              f-strings, dicts, tuples or calls such as `str()`. It stays silent on values wrapped
              in `strutils.mask_password()` or `mask_dict_password()`; on names that only describe a
              secret (`*_file`, `*_path`, `*_ref`, `*_id`, `*_len`, `*_type`, `*_name`, `*_url`, and
              flags such as `has_password` or `use_token`); on `len()`, `bool()`, `isinstance()` and
              comparisons of a secret, which reveal nothing; on imported modules such as `pwd` and
              `secrets`; on the OVN `ovn_nb_private_key` / `ovn_sb_private_key` options, which hold
              file paths; and on test code.

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

  /** The last word(s) of a name that make it a secret. */
  private static final Pattern SECRET =
      Pattern.compile(
          "(?:^|_)(?:password|passwd|passwords|pwd|passphrase|secret|secrets|token|tokens"
              + "|credential|credentials|creds|private_key|api_key|apikey|ssl_key|secret_key)$");

  /** First words of a name that make it a flag about a secret, not the secret. */
  private static final Pattern FLAG =
      Pattern.compile("^(?:is|has|use|uses|enable|enabled|no|with|should|need|needs|require)_");

  /** Last words of a name that describe a secret without holding it: {@code token_id}. */
  private static final Pattern DESCRIPTIVE =
      Pattern.compile("_(?:id|ids|file|path|ref|len|length|type|name|url|uri)$");

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
  static boolean isSecretName(String raw) {
    String name =
        raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    return SECRET.matcher(name).find()
        && !FLAG.matcher(name).find()
        && !PATH_OPTIONS.contains(name);
  }

  /**
   * Whether the value given to a secret-named key may be the secret: not a literal, and not a
   * variable whose own name says it is something else ({@code {'token': token_id}}).
   */
  private static boolean holdsValue(Expr value) {
    if (value instanceof Ast.Constant) {
      return false;
    }
    String dotted = SemanticModel.dotted(value);
    if (dotted == null) {
      return true;
    }
    String last = SemanticModel.lastPart(dotted).toLowerCase(Locale.ROOT);
    return !DESCRIPTIVE.matcher(last).find();
  }

  /** The part of a logged expression that carries a secret, or null. */
  private static Expr carrier(Expr e, RuleContext ctx) {
    switch (e) {
      case Ast.Name n -> {
        boolean secret =
            n.ctx() == Ast.ExprContext.Load
                && isSecretName(n.id())
                && !ctx.imports().isImported(n.id());
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
          if (k != null && isSecretName(k) && holdsValue(value)) {
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

  private static Expr callCarrier(Call c, RuleContext ctx) {
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
      if (k.arg() != null && isSecretName(k.arg()) && holdsValue(k.value())) {
        return k.value();
      }
      Expr inner = carrier(k.value(), ctx);
      if (inner != null) {
        return inner;
      }
    }
    return null;
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
