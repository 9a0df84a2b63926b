package com.googlesource.gerrit.plugins.securityreview.rules.general.execution;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.DottedNames;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** PY102: pickle, marshal, shelve, dill, jsonpickle and friends loading data. */
public final class UnsafeDeserialisation extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("PY102")
          .name("unsafe-deserialisation")
          .title("pickle, marshal or shelve loads data that can run code while it is decoded")
          .severity(Severity.HIGH)
          .confidence(Confidence.MEDIUM)
          .family(Family.EXECUTION)
          .bandit("B301,B302")
          .ruff("S301,S302")
          .why(
              "Decoding a pickle calls whatever the data names (`os.system` included), so anyone"
                  + " who can write the bytes (a message, a cache file, a DB column) runs code in"
                  + " the process.")
          .fix(
              "Exchange data as JSON (`oslo_serialization.jsonutils`) or another format that only"
                  + " builds plain values; if a pickle is unavoidable, sign it and check the"
                  + " signature first.")
          .doc(
              """
              ## What it does

              Flags the calls that decode pickle-like formats, imports resolved: `load`, `loads` and
              `Unpickler` of `pickle`, `cPickle`, `_pickle`, `six.moves.cPickle`, `dill` and
              `cloudpickle`; `marshal.load(s)`; `shelve.open` and `shelve.DbfilenameShelf`;
              `jsonpickle.decode` and `jsonpickle.unpickler.decode`; `pandas.read_pickle`; and
              `numpy.load(..., allow_pickle=True)`. Silent: `dumps`/`dump` (writing is harmless),
              `json`/`jsonutils`, `numpy.load` without `allow_pickle=True`, methods named `load` on
              other objects, and test code. The import alone (Bandit B403, Ruff S403) is not
              reported: the call is what matters.

              ## Why it matters

              Unpickling is code execution by design: a pickle stream names callables and their
              arguments, and `load` calls them. `marshal` is not meant for untrusted data either,
              and `shelve` unpickles every value it reads. OpenStack services exchange data over RPC
              and REST as JSON; a pickle appearing in Neutron code means data that crosses a trust
              boundary (an RPC payload, a file in a shared directory, a row an API user can write)
              could be turned into code. Bandit reports these calls as B301 (pickle) and B302
              (marshal), Ruff as S301 and S302; we flag the same calls plus the
              `cPickle`/`cloudpickle` spellings and `numpy.load(allow_pickle=True)`.

              ## Example

              ```python
              import pickle

              def _load_cached_topology(path):
                  with open(path, 'rb') as f:
                      return pickle.load(f)
              ```

              ## Use instead

              ```python
              from oslo_serialization import jsonutils

              def _load_cached_topology(path):
                  with open(path) as f:
                      return jsonutils.load(f)
              ```

              ## References

              - Bandit B301: pickle <https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b301-pickle>
              - Bandit B302: marshal <https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b302-marshal>
              - Ruff S301: suspicious-pickle-usage <https://docs.astral.sh/ruff/rules/suspicious-pickle-usage/>
              - Ruff S302: suspicious-marshal-usage <https://docs.astral.sh/ruff/rules/suspicious-marshal-usage/>
              - Python documentation: pickle, the security warning <https://docs.python.org/3/library/pickle.html>
              - CWE-502: Deserialization of Untrusted Data <https://cwe.mitre.org/data/definitions/502.html>
              """)
          .build();

  private static final String UNPICKLES = "unpickles its input, which can run code";

  /** Modules that decode pickles (or marshal data), and what their load functions do. */
  private static final Map<String, String> PICKLE_MODULES =
      Map.of(
          "pickle", UNPICKLES,
          "cPickle", UNPICKLES,
          "_pickle", UNPICKLES,
          "six.moves.cPickle", UNPICKLES,
          "dill", UNPICKLES,
          "cloudpickle", UNPICKLES,
          "marshal", "decodes marshal data, a format not meant for untrusted input");

  /** Other calls that decode a pickle, and what they do. */
  private static final Map<String, String> OTHER_CALLS =
      Map.of(
          "shelve.open", "opens a shelf, whose values are unpickled as they are read",
          "shelve.DbfilenameShelf", "opens a shelf, whose values are unpickled as they are read",
          "jsonpickle.decode", "rebuilds Python objects from jsonpickle data, which can run code",
          "jsonpickle.unpickler.decode",
              "rebuilds Python objects from jsonpickle data, which can run code",
          "pandas.read_pickle", UNPICKLES);

  /** The packages of the calls above and of {@code numpy.load}. */
  private static final Set<String> PACKAGES =
      DottedNames.firstParts(PICKLE_MODULES.keySet(), OTHER_CALLS.keySet(), List.of("numpy"));

  public UnsafeDeserialisation() {
    super(META);
    onNamesFrom(Call.class, PACKAGES, this::visitCall);
  }

  private void visitCall(Call call, RuleContext ctx) {
    String what = what(ctx.semantic(), call);
    if (what != null) {
      ctx.report(this, call, "`" + ctx.text(call.func()) + "()` " + what + ".");
    }
  }

  /** What a call does, when it decodes a pickle-like format; null otherwise. */
  private static String what(SemanticModel model, Call call) {
    String name = model.callName(call);
    int dot = name == null ? -1 : name.lastIndexOf('.');
    if (dot < 0) {
      return null;
    }
    String module = name.substring(0, dot);
    String function = name.substring(dot + 1);
    String what = PICKLE_MODULES.get(module);
    if (what != null) {
      boolean decodes =
          function.equals("load")
              || function.equals("loads")
              || (function.equals("Unpickler") && !module.equals("marshal"));
      return decodes ? what : null;
    }
    if (name.equals("numpy.load") && model.isTrue(RuleContext.keyword(call, "allow_pickle"))) {
      return "unpickles object arrays (`allow_pickle=True`), which can run code";
    }
    return OTHER_CALLS.get(name);
  }
}
