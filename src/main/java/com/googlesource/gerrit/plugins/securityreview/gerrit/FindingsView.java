package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.gerrit.extensions.restapi.Response;
import com.google.gerrit.extensions.restapi.RestReadView;
import com.google.gerrit.server.change.RevisionResource;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import com.googlesource.gerrit.plugins.securityreview.engine.Finding;
import com.googlesource.gerrit.plugins.securityreview.gerrit.PatchSetReader.SkippedFile;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /changes/{id}/revisions/{rev}/security-review~findings}: what the review finds in the
 * patch set now, under the project's current settings. Anyone who can see the change may ask (the
 * revision resource is only resolved for them); nothing is posted.
 */
@Singleton
public class FindingsView implements RestReadView<RevisionResource> {
  /** The JSON answer (Gerrit writes field names in snake_case). */
  public static class FindingsInfo {
    public int patchSet;
    public String label;
    public short vote;
    public List<FindingInfo> findings = new ArrayList<>();

    /** Findings on changed lines that the base already had: not in {@code findings}. */
    public int preexisting;

    public List<SkippedInfo> skipped = new ArrayList<>();
    public List<String> syntaxErrors;
  }

  public static class FindingInfo {
    public String ruleId;
    public String title;
    public String severity;
    public String confidence;
    public String path;
    public int line;
    public int column;
    public int endLine;
    public int endColumn;
    public String message;
    public boolean blocking;
    public String docUrl;
    public String fix;

    /** Identifies the finding across patch sets (rule, scope, normalised statement). */
    public String fingerprint;
  }

  public static class SkippedInfo {
    public String path;
    public String reason;
  }

  private final Reviewer reviewer;
  private final PluginDocs docs;

  @Inject
  FindingsView(Reviewer reviewer, PluginDocs docs) {
    this.reviewer = reviewer;
    this.docs = docs;
  }

  @Override
  public Response<FindingsInfo> apply(RevisionResource rsrc) throws Exception {
    Analysis a = reviewer.analyze(rsrc.getProject(), rsrc.getPatchSet().commitId().name());
    FindingsInfo info = new FindingsInfo();
    info.patchSet = rsrc.getPatchSet().number();
    info.label = a.settings().label();
    info.vote = a.vote();
    String docBase = docs.base();
    for (Finding f : a.findings()) {
      FindingInfo fi = new FindingInfo();
      fi.ruleId = f.ruleId();
      fi.title = f.title();
      fi.severity = f.severity().label();
      fi.confidence = f.confidence().label();
      fi.path = f.path();
      fi.line = f.line();
      fi.column = f.col();
      fi.endLine = f.endLine();
      fi.endColumn = f.endCol();
      fi.message = f.message();
      fi.blocking = a.settings().blocks(f);
      fi.docUrl = docBase + "rules/" + f.ruleId() + ".html";
      fi.fix = f.fix() == null ? null : f.fix().description();
      fi.fingerprint = f.fingerprint();
      info.findings.add(fi);
    }
    info.preexisting = a.preexisting();
    for (SkippedFile s : a.files().skipped()) {
      SkippedInfo si = new SkippedInfo();
      si.path = s.path();
      si.reason = s.reason();
      info.skipped.add(si);
    }
    info.syntaxErrors = a.syntaxErrors().isEmpty() ? null : a.syntaxErrors();
    return Response.ok(info);
  }
}
