package com.googlesource.gerrit.plugins.securityreview.rules.general.crypto;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** PY305: urllib opens a URL that is not known to be http(s), so {@code file://} works too. */
public final class UrlOpenAnyScheme extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("PY305")
          .name("url-open-any-scheme")
          .title("urllib opens a URL whose scheme is not checked")
          .severity(Severity.MEDIUM)
          .confidence(Confidence.MEDIUM)
          .family(Family.CRYPTO)
          .bandit("B310")
          .ruff("S310")
          .why(
              "urllib also honours `file://` and `ftp://`, so a URL that comes from a request, a"
                  + " resource attribute or a configuration value can make the service read local"
                  + " files (`file:///etc/neutron/neutron.conf`) or reach other hosts.")
          .fix(
              "Check the scheme first (`urllib.parse.urlparse(url).scheme in ('http', 'https')`) or"
                  + " use `requests`, which only speaks HTTP(S).")
          .doc(
              """
              ## What it does

              Flags `urllib.request.urlopen`, `urlretrieve` and `Request` (also through
              `six.moves.urllib.request`) called with a URL that is not a literal starting with
              `http://` or `https://`, and any use of the legacy `URLopener` / `FancyURLopener`
              (Bandit B310, Ruff S310).

              Silent: URLs that start with a literal `http://` or `https://` — a plain string, an
              f-string, `'https://%s' % host`, `'http://{}'.format(host)` or a concatenation — also
              when held in a local variable (the value that reaches the call) or a constant;
              `urlopen(req)` where `req` is a `Request(...)` built in the same function (the
              `Request` call is the one checked, so there is one finding, not two); functions that
              check the URL's scheme before or after opening it (`url.startswith('http')`,
              `urlparse(url).scheme`); and test code.

              ## Why it matters

              Neutron's metadata agent and the OVN metadata proxy forward HTTP to Nova with
              `requests`, not urllib. A urllib call on a URL from a port, a subnet's host routes or
              an image property would let a tenant point the server at `file://` and read its
              configuration, credentials included.

              ## Example

              ```python
              def fetch_metadata(url):
                  with urllib.request.urlopen(url, timeout=10) as resp:
                      return resp.read()
              ```

              ## Use instead

              ```python
              def fetch_metadata(url):
                  if urllib.parse.urlparse(url).scheme not in ('http', 'https'):
                      raise ValueError('unsupported URL scheme: %s' % url)
                  with urllib.request.urlopen(url, timeout=10) as resp:  # noqa: S310
                      return resp.read()
              ```

              ## References

              - Bandit B310: urllib_urlopen <https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b310-urllib-urlopen>
              - Ruff S310: suspicious-url-open-usage <https://docs.astral.sh/ruff/rules/suspicious-url-open-usage/>
              - CWE-22: Path Traversal <https://cwe.mitre.org/data/definitions/22.html>
              """)
          .build();

  private static final List<String> MODULES =
      List.of("urllib.request.", "six.moves.urllib.request.", "urllib2.", "urllib.");

  private static final Set<String> OPENERS = Set.of("urlopen", "urlretrieve");
  private static final Set<String> LEGACY = Set.of("URLopener", "FancyURLopener");

  /**
   * What the file's functions show about URL schemes, gathered in the walk, and the findings that
   * wait for it: a function may check the scheme after the call that opens the URL.
   */
  private static final class FileState {
    final Set<Ast.FunctionLike> readScheme = Collections.newSetFromMap(new IdentityHashMap<>());
    final Map<Ast.FunctionLike, Set<String>> prefixTested = new IdentityHashMap<>();
    final List<Pending> pending = new ArrayList<>();
  }

  /** A URL opened in a function that may still turn out to check its scheme. */
  private record Pending(Ast.FunctionLike function, String url, Ast.Call call, String message) {}

  public UrlOpenAnyScheme() {
    super(META);
    on(Ast.Call.class, this::visitCall);
    on(Ast.Attribute.class, this::visitAttribute);
  }

  private void visitCall(Ast.Call c, RuleContext ctx) {
    SemanticModel model = ctx.semantic();
    if (c.func() instanceof Ast.Attribute a
        && a.attr().equals("startswith")
        && a.value() instanceof Ast.Name tested) {
      FileState state = state(ctx);
      for (Ast.FunctionLike fn : functionsAround(model, c)) {
        state.prefixTested.computeIfAbsent(fn, k -> new HashSet<>()).add(tested.id());
      }
      return;
    }
    String function = urllibFunction(model.callName(c));
    if (function == null) {
      return;
    }
    if (LEGACY.contains(function)) {
      ctx.report(this, c.func(), "`" + function + "` opens any scheme, `file://` included.");
      return;
    }
    if (!OPENERS.contains(function) && !function.equals("Request")) {
      return;
    }
    if (RuleContext.hasUnpacking(c)) {
      return; // The URL is hidden in *args / **kwargs: nothing to say about it.
    }
    Expr url = RuleContext.argument(c, 0, "url");
    if (url == null || isHttpUrl(model, url)) {
      return;
    }
    if (function.equals("urlopen") && isRequest(model, model.resolve(url))) {
      return;
    }
    String message =
        "`"
            + function
            + "("
            + shorten(ctx.text(url))
            + ")` opens whatever scheme the URL carries, `file://` included.";
    Ast.FunctionLike fn = model.enclosingFunction(c);
    if (fn != null && url instanceof Ast.Name name) {
      state(ctx).pending.add(new Pending(fn, name.id(), c, message));
    } else {
      ctx.report(this, c.func(), message);
    }
  }

  /** Any {@code .scheme} read, as of {@code urlparse(url).scheme}. */
  private void visitAttribute(Ast.Attribute a, RuleContext ctx) {
    if (a.attr().equals("scheme")) {
      state(ctx).readScheme.addAll(functionsAround(ctx.semantic(), a));
    }
  }

  /** Reports the URLs opened in functions that neither read a scheme nor test the URL's prefix. */
  @Override
  public void endFile(RuleContext ctx) {
    FileState state = state(ctx);
    for (Pending p : state.pending) {
      boolean checked =
          state.readScheme.contains(p.function())
              || state.prefixTested.getOrDefault(p.function(), Set.of()).contains(p.url());
      if (!checked) {
        ctx.report(this, p.call().func(), p.message());
      }
    }
  }

  private FileState state(RuleContext ctx) {
    return ctx.state(this, FileState::new);
  }

  /** The functions a node is in, innermost first: a check in a nested def counts for its outer. */
  private static List<Ast.FunctionLike> functionsAround(SemanticModel model, Ast.Node node) {
    List<Ast.FunctionLike> result = new ArrayList<>();
    for (Ast.FunctionLike fn = model.enclosingFunction(node);
        fn != null;
        fn = model.enclosingFunction(fn)) {
      result.add(fn);
    }
    return result;
  }

  private static String urllibFunction(String name) {
    if (name == null) {
      return null;
    }
    for (String m : MODULES) {
      if (name.startsWith(m) && name.indexOf('.', m.length()) < 0) {
        return name.substring(m.length());
      }
    }
    return null;
  }

  /** Whether the URL (or the value it was last given) starts with a constant http(s) scheme. */
  private static boolean isHttpUrl(SemanticModel model, Expr url) {
    String lead = model.constantPrefix(model.resolve(url)).stripLeading().toLowerCase(Locale.ROOT);
    return lead.startsWith("http://") || lead.startsWith("https://");
  }

  /**
   * {@code urlopen(req)} with {@code req = urllib.request.Request(...)}: the Request is checked.
   */
  private static boolean isRequest(SemanticModel model, Expr e) {
    return e instanceof Ast.Call c && "Request".equals(urllibFunction(model.callName(c)));
  }

  private static String shorten(String text) {
    String oneLine = text.replaceAll("\\s+", " ");
    return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 37) + "...";
  }
}
