package com.googlesource.gerrit.plugins.securityreview.rules.general.crypto;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.DottedNames;
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
              when held in a local variable (the value that reaches the call), a constant, or an
              attribute of `self` that the class only ever sets to such a URL (`self.url =
              'https://' + host` in `__init__`); functions that check the URL's scheme before or
              after opening it (`url.startswith('http')`, `urlparse(url).scheme`) or refuse it with
              a validator first (`if not allowed(url): raise ...`); command-line tools (a module
              that parses its arguments with `argparse` and runs under `if __name__ ==
              '__main__':`), whose user gives the URL; and test code. `urlopen(req)` where `req`
              is a `Request(...)` of the same function is one finding, at the `urlopen`, so that a
              suppression there covers it.

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

  private static final Set<String> PACKAGES = DottedNames.firstParts(MODULES);

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
    // Every finding is a call of MODULES; the prefix tests and scheme reads the rest of the
    // walk records only excuse those.
    onNamesFrom(Ast.Call.class, PACKAGES, this::visitCall);
    onNamesFrom(Ast.Attribute.class, PACKAGES, this::visitAttribute);
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
    recordValidated(ctx, model, c);
    String function = urllibFunction(model.callName(c));
    if (function == null || model.isCommandLineTool()) {
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
    if (function.equals("urlopen") && url != null && isRequest(model, model.resolve(url))) {
      // urlopen(req): the URL is the Request's, reported here where it is opened.
      Ast.Call request = (Ast.Call) model.resolve(url);
      if (RuleContext.hasUnpacking(request)) {
        return;
      }
      url = RuleContext.argument(request, 0, "url");
    } else if (function.equals("Request") && isOpenedByUrlopen(model, c)) {
      return; // Reported at the urlopen call.
    }
    if (url == null || isHttpUrl(model, url)) {
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
      report(ctx, c, message);
    }
  }

  /** From the callee to the end of the call: a suppression on the call's last line counts. */
  private void report(RuleContext ctx, Ast.Call c, String message) {
    Ast.Loc f = c.func().loc();
    ctx.report(
        this, new Ast.Loc(f.line(), f.col(), c.loc().endLine(), c.loc().endCol()), message, null);
  }

  /**
   * A call in the condition of an {@code if} whose body leaves ({@code if not validate(url): raise
   * ...}): the names it is given are checked in the functions around it.
   */
  private void recordValidated(RuleContext ctx, SemanticModel model, Ast.Call c) {
    if (!(model.statementOf(c) instanceof Ast.If i)
        || !leaves(i.body())
        || !inside(model, c, i.test())) {
      return;
    }
    for (Expr a : c.args()) {
      if (a instanceof Ast.Name n) {
        FileState state = state(ctx);
        for (Ast.FunctionLike fn : functionsAround(model, c)) {
          state.prefixTested.computeIfAbsent(fn, k -> new HashSet<>()).add(n.id());
        }
      }
    }
  }

  private static boolean leaves(List<Ast.Stmt> body) {
    Ast.Stmt last = body.isEmpty() ? null : body.get(body.size() - 1);
    return last instanceof Ast.Raise || last instanceof Ast.Return;
  }

  private static boolean inside(SemanticModel model, Ast.Node node, Ast.Node root) {
    for (Ast.Node a = node; a != null; a = model.parentOf(a)) {
      if (a == root) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code req = Request(url)} (or {@code urlopen(Request(url))}) whose request goes to a {@code
   * urlopen} of the same function.
   */
  private static boolean isOpenedByUrlopen(SemanticModel model, Ast.Call request) {
    Ast.Node parent = model.parentOf(request);
    if (isUrlopenOf(model, parent, request)) {
      return true;
    }
    if (!(parent instanceof Ast.Assign a)
        || a.targets().size() != 1
        || !(a.targets().get(0) instanceof Ast.Name target)) {
      return false;
    }
    for (Ast.Name read : model.reads(model.scopeOf(a), target.id())) {
      if (isUrlopenOf(model, model.parentOf(read), read) && model.resolve(read) == request) {
        return true;
      }
    }
    return false;
  }

  private static boolean isUrlopenOf(SemanticModel model, Ast.Node call, Expr argument) {
    return call instanceof Ast.Call c
        && "urlopen".equals(urllibFunction(model.callName(c)))
        && !c.args().isEmpty()
        && c.args().get(0) == argument;
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
        report(ctx, p.call(), p.message());
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

  /**
   * Whether the URL (or the value it was last given) starts with a constant http(s) scheme; for
   * {@code self.url}, every value the class assigns to it does.
   */
  private static boolean isHttpUrl(SemanticModel model, Expr url) {
    if (url instanceof Ast.Attribute a && model.ownerClass(a) != null) {
      List<Expr> values = model.attributeValues(a);
      return !values.isEmpty() && values.stream().allMatch(v -> hasHttpPrefix(model, v));
    }
    return hasHttpPrefix(model, model.resolve(url));
  }

  private static boolean hasHttpPrefix(SemanticModel model, Expr url) {
    String lead = model.constantPrefix(url).stripLeading().toLowerCase(Locale.ROOT);
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
