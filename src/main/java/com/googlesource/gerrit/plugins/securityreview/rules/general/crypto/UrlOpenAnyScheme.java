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
import com.googlesource.gerrit.plugins.securityreview.python.NodeVisitor;
import com.googlesource.gerrit.plugins.securityreview.rules.LocalNames;
import java.util.List;
import java.util.Locale;
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
              when held in a local variable assigned once; `urlopen(req)` where `req` is a
              `Request(...)` built in the same function (the `Request` call is the one checked, so
              there is one finding, not two); functions that check the URL's scheme before opening
              it (`url.startswith('http')`, `urlparse(url).scheme`); and test code.

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

  public UrlOpenAnyScheme() {
    super(META);
    on(Node.class, this::visit);
  }

  private void visit(Node node, RuleContext ctx) {
    if (!(node instanceof Ast.Call c)) {
      return;
    }
    String function = urllibFunction(ctx.callName(c));
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
    if (url == null || isHttpUrl(ctx, url)) {
      return;
    }
    if (function.equals("urlopen") && isLocalRequest(ctx, url)) {
      return;
    }
    if (schemeChecked(ctx, url)) {
      return;
    }
    ctx.report(
        this,
        c.func(),
        "`"
            + function
            + "("
            + shorten(ctx.text(url))
            + ")` opens whatever scheme the URL carries, `file://` included.");
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

  private static boolean isHttpUrl(RuleContext ctx, Expr url) {
    Expr e = url;
    if (url instanceof Ast.Name n) {
      Expr v = LocalNames.localValue(ctx, n);
      if (v != null) {
        e = v;
      }
    }
    String lead = Literals.leadingText(e);
    if (lead == null) {
      return false;
    }
    String l = lead.stripLeading().toLowerCase(Locale.ROOT);
    return l.startsWith("http://") || l.startsWith("https://");
  }

  /** {@code urlopen(req)} with {@code req = urllib.request.Request(...)} in the same scope. */
  private static boolean isLocalRequest(RuleContext ctx, Expr url) {
    Expr v =
        switch (url) {
          case Ast.Call c -> c;
          case Ast.Name n -> LocalNames.localValue(ctx, n);
          default -> null;
        };
    return v instanceof Ast.Call c && "Request".equals(urllibFunction(ctx.callName(c)));
  }

  /**
   * Whether the enclosing function looks at the URL's scheme: {@code x.startswith('http...')} on
   * the same name, or any {@code .scheme} of a parsed URL.
   */
  private static boolean schemeChecked(RuleContext ctx, Expr url) {
    Node fn = ctx.enclosingFunction();
    if (fn == null || !(url instanceof Ast.Name name)) {
      return false;
    }
    boolean[] found = {false};
    new NodeVisitor() {
      @Override
      protected boolean enter(Node node) {
        if (node instanceof Ast.Attribute a && a.attr().equals("scheme")) {
          found[0] = true;
        }
        if (node instanceof Ast.Call c
            && c.func() instanceof Ast.Attribute a
            && a.attr().equals("startswith")
            && a.value() instanceof Ast.Name n
            && n.id().equals(name.id())) {
          found[0] = true;
        }
        return !found[0];
      }
    }.visitAll(RuleContext.functionBody(fn));
    return found[0];
  }

  private static String shorten(String text) {
    String oneLine = text.replaceAll("\\s+", " ");
    return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 37) + "...";
  }
}
