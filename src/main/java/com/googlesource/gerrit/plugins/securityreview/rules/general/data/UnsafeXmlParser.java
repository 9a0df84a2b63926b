package com.googlesource.gerrit.plugins.securityreview.rules.general.data;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.DottedNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** PY201: XML parsed with the standard library or xmlrpc instead of defusedxml. */
public final class UnsafeXmlParser extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("PY201")
          .name("unsafe-xml-parser")
          .title("XML parsed with a standard library parser (or xmlrpc) instead of defusedxml")
          .severity(Severity.MEDIUM)
          .confidence(Confidence.MEDIUM)
          .family(Family.DATA)
          .bandit("B313,B314,B315,B316,B317,B318,B319,B320,B411")
          .ruff("S313,S314,S315,S316,S317,S318,S319,S320,S411")
          .why(
              "The standard library XML parsers expand entity declarations and, depending on the"
                  + " expat version, external entities, so a crafted document can exhaust memory"
                  + " (billion laughs) or read local files.")
          .fix(
              "Parse with the `defusedxml` equivalent (`defusedxml.ElementTree.fromstring`,"
                  + " `defusedxml.minidom.parseString`, `defusedxml.xmlrpc.monkey_patch()`).")
          .doc(
              """
              ## What it does

              Flags calls that parse XML with the standard library: `xml.etree.ElementTree` and
              `cElementTree` (`parse`, `iterparse`, `fromstring`, `fromstringlist`, `XML`,
              `XMLParser`, `XMLPullParser`), `xml.dom.minidom`, `xml.dom.pulldom` and
              `xml.dom.expatbuilder` (`parse`, `parseString`), `xml.sax` (`parse`, `parseString`,
              `make_parser`) and `xml.sax.expatreader.create_parser` (Bandit B313-B319, Ruff
              S313-S319); an `lxml.etree` parser built with `resolve_entities=True` (B320/S320: lxml
              5 and later no longer resolve external entities by default, so plain lxml calls are
              not flagged; Ruff removed S320 for that reason); and XML-RPC clients and servers
              (`xmlrpc.client.ServerProxy`, `xmlrpc.client.loads`,
              `xmlrpc.server.SimpleXMLRPCServer` and friends, which Bandit B411 and Ruff S411 only
              flag at the import). It stays silent on `defusedxml`, on a parse of a constant document
              written in the file (a literal, or a name bound once to one), on files that call `defusedxml.defuse_stdlib()` (for the parsers)
              or `defusedxml.xmlrpc.monkey_patch()` (for XML-RPC), and on test code. Plain imports
              (Bandit B405-B410, Ruff S405-S410) are not flagged: an import parses nothing.

              ## Why it matters

              OpenStack services parse XML from outside: API payloads, libvirt and OVS documents,
              SAML assertions, data from other services. An entity-expansion document (a few
              kilobytes that expand to gigabytes) takes a worker down, and with parsers that resolve
              external entities it reads local files such as configuration with credentials. Whether
              the document is attacker controlled cannot be seen from the call, hence medium
              confidence; `defusedxml` costs nothing and makes the question moot.

              ## Example

              ```python
              from xml.etree import ElementTree

              def parse_interfaces(xml_doc):
                  root = ElementTree.fromstring(xml_doc)
                  return [i.get('name') for i in root.iter('interface')]
              ```

              ## Use instead

              ```python
              from defusedxml import ElementTree

              def parse_interfaces(xml_doc):
                  root = ElementTree.fromstring(xml_doc)
                  return [i.get('name') for i in root.iter('interface')]
              ```

              ## References

              - Python docs, XML vulnerabilities <https://docs.python.org/3/library/xml.html#xml-vulnerabilities>
              - defusedxml <https://pypi.org/project/defusedxml/>
              - Bandit B313-B320 (xml_bad_*), B411 (import_xmlrpc) <https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html>
              - Ruff S313-S320 (suspicious-xml-*-usage), S411 (suspicious-xmlrpc-import) <https://docs.astral.sh/ruff/rules/#flake8-bandit-s>
              - CWE-776: Improper Restriction of Recursive Entity References <https://cwe.mitre.org/data/definitions/776.html>
              - CWE-611: Improper Restriction of XML External Entity Reference <https://cwe.mitre.org/data/definitions/611.html>
              """)
          .build();

  private static final Set<String> ETREE_CALLS =
      Set.of(
          "parse",
          "iterparse",
          "fromstring",
          "fromstringlist",
          "XML",
          "XMLParser",
          "XMLPullParser");

  private static final Set<String> DOM_CALLS = Set.of("parse", "parseString");

  private static final Set<String> XMLRPC =
      Set.of(
          "xmlrpc.client.ServerProxy",
          "xmlrpc.client.Server",
          "xmlrpc.client.loads",
          "xmlrpclib.ServerProxy",
          "xmlrpclib.Server",
          "xmlrpclib.loads",
          "six.moves.xmlrpc_client.ServerProxy",
          "six.moves.xmlrpc_client.Server",
          "six.moves.xmlrpc_client.loads",
          "xmlrpc.server.SimpleXMLRPCServer",
          "xmlrpc.server.DocXMLRPCServer",
          "xmlrpc.server.MultiPathXMLRPCServer",
          "xmlrpc.server.SimpleXMLRPCDispatcher",
          "xmlrpc.server.CGIXMLRPCRequestHandler",
          "xmlrpc.server.DocCGIXMLRPCRequestHandler",
          "SimpleXMLRPCServer.SimpleXMLRPCServer",
          "DocXMLRPCServer.DocXMLRPCServer");

  private static final Set<String> LXML_PARSERS =
      Set.of("lxml.etree.XMLParser", "lxml.etree.XMLPullParser", "lxml.etree.iterparse");

  private static final String DEFUSE_STDLIB = "defusedxml.defuse_stdlib";
  private static final String DEFUSE_XMLRPC = "defusedxml.xmlrpc.monkey_patch";

  /** The packages of every call above, of defusedxml's and of the standard library's parsers. */
  private static final Set<String> PACKAGES =
      DottedNames.firstParts(XMLRPC, LXML_PARSERS, List.of(DEFUSE_STDLIB, DEFUSE_XMLRPC, "xml"));

  /**
   * What a file does to defuse the standard library, and the parses that it would make safe: the
   * defusing call can come anywhere in the file, so those parses are reported at its end.
   */
  private static final class FileState {
    boolean stdlibDefused;
    boolean xmlrpcDefused;
    final List<Pending> stdlib = new ArrayList<>();
    final List<Pending> xmlrpc = new ArrayList<>();
  }

  private record Pending(Call call, String message) {}

  public UnsafeXmlParser() {
    super(META);
    onNamesFrom(Call.class, PACKAGES, this::visitCall);
  }

  private void visitCall(Call call, RuleContext ctx) {
    String name = ctx.callName(call);
    if (name == null) {
      return;
    }
    FileState state = ctx.state(this, FileState::new);
    if (name.equals(DEFUSE_STDLIB)) {
      state.stdlibDefused = true;
    } else if (name.equals(DEFUSE_XMLRPC)) {
      state.xmlrpcDefused = true;
    } else if (XMLRPC.contains(name)) {
      state.xmlrpc.add(
          new Pending(
              call,
              "`"
                  + name
                  + "` parses XML-RPC messages with the unprotected standard library parser."));
    } else if (LXML_PARSERS.contains(name)) {
      if (ctx.semantic().isTrue(RuleContext.keyword(call, "resolve_entities"))) {
        ctx.report(
            this,
            call,
            "`" + name + "` is built with `resolve_entities=True` (external entities).");
      }
    } else if (isStdlibParser(name) && !parsesConstant(ctx, call)) {
      state.stdlib.add(
          new Pending(call, "`" + name + "()` parses XML with the standard library parser."));
    }
  }

  @Override
  public void endFile(RuleContext ctx) {
    FileState state = ctx.state(this, FileState::new);
    if (!state.stdlibDefused) {
      state.stdlib.forEach(p -> ctx.report(this, p.call(), p.message()));
    }
    if (!state.xmlrpcDefused) {
      state.xmlrpc.forEach(p -> ctx.report(this, p.call(), p.message()));
    }
  }

  private static boolean isStdlibParser(String name) {
    int dot = name.lastIndexOf('.');
    if (dot < 0) {
      return false;
    }
    String module = name.substring(0, dot);
    String function = name.substring(dot + 1);
    return switch (module) {
      case "xml.etree.ElementTree", "xml.etree.cElementTree" -> ETREE_CALLS.contains(function);
      case "xml.dom.minidom", "xml.dom.pulldom", "xml.dom.expatbuilder" ->
          DOM_CALLS.contains(function);
      case "xml.sax" -> Set.of("parse", "parseString", "make_parser").contains(function);
      case "xml.sax.expatreader" -> function.equals("create_parser");
      default -> false;
    };
  }

  /** A document written in the file itself (a constant string or bytes) is trusted. */
  private static boolean parsesConstant(RuleContext ctx, Call call) {
    if (call.args().isEmpty()) {
      return false;
    }
    Object doc = ctx.semantic().constantValue(call.args().get(0)).orElse(null);
    return doc instanceof String || doc instanceof Ast.Bytes;
  }
}
