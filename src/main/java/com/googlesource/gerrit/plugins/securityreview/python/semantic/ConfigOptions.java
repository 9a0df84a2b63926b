package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import java.util.Optional;
import java.util.Set;

/** Recognises option definitions for {@link SemanticModel#configOption}. */
final class ConfigOptions {
  private ConfigOptions() {}

  /** Option classes whose values are text. */
  private static final Set<String> TEXT =
      Set.of(
          "oslo_config.cfg.Opt",
          "oslo_config.cfg.StrOpt",
          "oslo_config.cfg.URIOpt",
          "oslo_config.cfg.MultiStrOpt",
          "oslo_config.cfg.MultiOpt",
          "oslo_config.cfg.ListOpt",
          "oslo_config.cfg.DictOpt",
          "keystoneauth1.loading.Opt");

  /** Option classes whose values are not text. */
  private static final Set<String> OTHER =
      Set.of(
          "oslo_config.cfg.BoolOpt",
          "oslo_config.cfg.IntOpt",
          "oslo_config.cfg.FloatOpt",
          "oslo_config.cfg.PortOpt",
          "oslo_config.cfg.IPOpt",
          "oslo_config.cfg.HostnameOpt",
          "oslo_config.cfg.HostAddressOpt",
          "oslo_config.cfg.HostDomainOpt");

  static Optional<ConfigOption> of(SemanticModel model, Ast.Call call) {
    String type = model.callName(call);
    if (type == null) {
      return Optional.empty();
    }
    boolean text = TEXT.contains(type);
    if (!text && !OTHER.contains(type)) {
      return Optional.empty();
    }
    Expr name = argument(call, 0, "name");
    return Optional.of(
        new ConfigOption(
            call,
            type,
            name == null ? null : model.constantString(name).orElse(null),
            name,
            keyword(call, "default"),
            keyword(call, "secret"),
            help(model, keyword(call, "help")),
            text));
  }

  /** A constant help text, or one wrapped in a translation call ({@code _('...')}). */
  private static String help(SemanticModel model, Expr help) {
    if (help instanceof Ast.Call c && c.args().size() == 1 && c.keywords().isEmpty()) {
      help = c.args().get(0);
    }
    return help == null ? null : model.constantString(help).orElse(null);
  }

  private static Expr keyword(Ast.Call call, String name) {
    for (Ast.Keyword k : call.keywords()) {
      if (name.equals(k.arg())) {
        return k.value();
      }
    }
    return null;
  }

  private static Expr argument(Ast.Call call, int position, String name) {
    Expr k = keyword(call, name);
    if (k != null || position >= call.args().size()) {
      return k;
    }
    Expr a = call.args().get(position);
    return a instanceof Ast.Starred ? null : a;
  }
}
