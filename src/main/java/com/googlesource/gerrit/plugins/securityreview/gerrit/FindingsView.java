package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.gerrit.extensions.restapi.ResourceConflictException;
import com.google.gerrit.extensions.restapi.Response;
import com.google.gerrit.extensions.restapi.RestReadView;
import com.google.gerrit.server.change.RevisionResource;
import com.google.gerrit.server.permissions.ChangePermission;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import com.googlesource.gerrit.plugins.securityreview.engine.Finding;
import com.googlesource.gerrit.plugins.securityreview.engine.Fix;
import com.googlesource.gerrit.plugins.securityreview.engine.ProjectSettings;
import com.googlesource.gerrit.plugins.securityreview.gerrit.BoundedComputations.Busy;
import com.googlesource.gerrit.plugins.securityreview.gerrit.BoundedComputations.Done;
import com.googlesource.gerrit.plugins.securityreview.gerrit.BoundedComputations.Pending;
import com.googlesource.gerrit.plugins.securityreview.gerrit.FindingsCache.Findings;
import com.googlesource.gerrit.plugins.securityreview.gerrit.PatchSetReader.SkippedFile;
import com.googlesource.gerrit.plugins.securityreview.gerrit.ReviewMetrics.FindingsAnswer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /changes/{id}/revisions/{rev}/security-review~findings}: what the review finds in the
 * patch set under the project's current settings; nothing is posted. Whoever may read the change
 * may ask, anonymous users included where Gerrit lets them read it, and nobody else.
 *
 * <p>The request thread never analyses: the findings come from the {@link FindingsCache}, where the
 * review put them, or are computed on the {@link FindingsQueue}, waited for a bounded time ({@code
 * 202 Accepted} when not ready yet; {@code 429} when the queue is full).
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

    /** The fix as edits of the file, when the rule can make it safely (a one-click fix). */
    public List<FixEditInfo> fixEdits;

    /** Identifies the finding across patch sets (rule, scope, normalised statement). */
    public String fingerprint;

    /** Set when a reviewer dismissed the finding on this change: it does not count for the vote. */
    public DismissalInfo dismissal;
  }

  /** Replaces the text from (line, column) to (end_line, end_column), ends exclusive. */
  public static class FixEditInfo {
    public int line;
    public int column;
    public int endLine;
    public int endColumn;
    public String replacement;
  }

  public static class DismissalInfo {
    public String reason;
    public int by;
    public String message;
  }

  public static class SkippedInfo {
    public String path;
    public String reason;
  }

  /** The answer while the analysis is still running ({@code 202 Accepted}). */
  public static class PendingInfo {
    public int patchSet;
    public String status = "PENDING";
    public String message;
  }

  private final Settings settings;
  private final PatchSetFindings patchSetFindings;
  private final ChangeDismissals changeDismissals;
  private final ReviewMetrics metrics;
  private final PluginDocs docs;

  @Inject
  FindingsView(
      Settings settings,
      PatchSetFindings patchSetFindings,
      ChangeDismissals changeDismissals,
      ReviewMetrics metrics,
      PluginDocs docs) {
    this.settings = settings;
    this.patchSetFindings = patchSetFindings;
    this.changeDismissals = changeDismissals;
    this.metrics = metrics;
    this.docs = docs;
  }

  @Override
  public Response<?> apply(RevisionResource rsrc) throws Exception {
    // Resolving the revision already needed read access; say so here too, where it matters.
    rsrc.permissions().check(ChangePermission.READ);
    ServerSettings server = settings.server();
    ProjectSettings project = settings.project(rsrc.getProject(), server);
    if (!project.enabled()) {
      throw new ResourceConflictException(
          "the security review is disabled for project " + rsrc.getProject().get());
    }
    String commit = rsrc.getPatchSet().commitId().name();
    Dismissals dismissals = changeDismissals.of(rsrc.getNotes(), server);
    Findings cached =
        patchSetFindings.cached(rsrc.getProject(), commit, project, server).orElse(null);
    if (cached != null) {
      metrics.findingsAnswered(FindingsAnswer.CACHED);
      return Response.ok(info(rsrc, project, cached, dismissals));
    }
    return switch (patchSetFindings.computed(rsrc.getProject(), commit, project, server)) {
      case Done<Findings> done -> {
        metrics.findingsAnswered(FindingsAnswer.COMPUTED);
        yield Response.ok(info(rsrc, project, done.value(), dismissals));
      }
      case Pending<Findings> pending -> {
        metrics.findingsAnswered(FindingsAnswer.PENDING);
        PendingInfo info = new PendingInfo();
        info.patchSet = rsrc.getPatchSet().number();
        info.message =
            "The patch set is being analysed on the plugin's queue; ask again in a few seconds.";
        yield Response.withStatusCode(202, info);
      }
      case Busy<Findings> busy -> {
        metrics.findingsAnswered(FindingsAnswer.BUSY);
        throw PatchSetFindings.busy();
      }
    };
  }

  private FindingsInfo info(
      RevisionResource rsrc, ProjectSettings project, Findings a, Dismissals dismissals) {
    FindingsInfo info = new FindingsInfo();
    info.patchSet = rsrc.getPatchSet().number();
    info.label = project.label();
    info.vote = a.decision(project, dismissals).value();
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
      fi.blocking = project.blocks(f);
      fi.docUrl = docBase + "rules/" + f.ruleId() + ".html";
      fi.fix = f.fix() == null ? null : f.fix().description();
      fi.fixEdits = f.fix() == null || f.fix().edits().isEmpty() ? null : edits(f.fix());
      fi.fingerprint = f.fingerprint();
      dismissals
          .of(f)
          .ifPresent(
              d -> {
                fi.dismissal = new DismissalInfo();
                fi.dismissal.reason = d.reason().id();
                fi.dismissal.by = d.by().get();
                fi.dismissal.message = d.note();
              });
      info.findings.add(fi);
    }
    info.preexisting = a.preexisting();
    for (SkippedFile s : a.skipped()) {
      SkippedInfo si = new SkippedInfo();
      si.path = s.path();
      si.reason = s.reason();
      info.skipped.add(si);
    }
    info.syntaxErrors = a.syntaxErrors().isEmpty() ? null : a.syntaxErrors();
    return info;
  }

  private static List<FixEditInfo> edits(Fix fix) {
    List<FixEditInfo> out = new ArrayList<>();
    for (Fix.Edit e : fix.edits()) {
      FixEditInfo ei = new FixEditInfo();
      ei.line = e.line();
      ei.column = e.col();
      ei.endLine = e.endLine();
      ei.endColumn = e.endCol();
      ei.replacement = e.replacement();
      out.add(ei);
    }
    return out;
  }
}
