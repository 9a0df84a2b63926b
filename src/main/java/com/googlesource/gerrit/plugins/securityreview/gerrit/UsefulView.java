package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.gerrit.extensions.restapi.AuthException;
import com.google.gerrit.extensions.restapi.BadRequestException;
import com.google.gerrit.extensions.restapi.ResourceConflictException;
import com.google.gerrit.extensions.restapi.Response;
import com.google.gerrit.extensions.restapi.RestModifyView;
import com.google.gerrit.server.change.RevisionResource;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import com.googlesource.gerrit.plugins.securityreview.engine.Finding;
import com.googlesource.gerrit.plugins.securityreview.engine.ProjectSettings;
import com.googlesource.gerrit.plugins.securityreview.gerrit.FindingsCache.Findings;

/**
 * {@code POST /changes/{id}/revisions/{rev}/security-review~useful}: a signed-in user who can see
 * the change says a finding of the patch set was useful; it is counted per rule, nothing is posted.
 */
@Singleton
public class UsefulView implements RestModifyView<RevisionResource, UsefulView.Input> {
  public static class Input {
    public String fingerprint;
    public String path;
  }

  public static class UsefulInfo {
    public String ruleId;
    public String path;
    public String fingerprint;

    /** Set when the caller had marked this finding useful before: it counted once. */
    public Boolean alreadyMarked;
  }

  private final Settings settings;
  private final PatchSetFindings patchSetFindings;
  private final Dismisser dismisser;

  @Inject
  UsefulView(Settings settings, PatchSetFindings patchSetFindings, Dismisser dismisser) {
    this.settings = settings;
    this.patchSetFindings = patchSetFindings;
    this.dismisser = dismisser;
  }

  @Override
  public Response<UsefulInfo> apply(RevisionResource rsrc, Input input) throws Exception {
    if (!rsrc.getUser().isIdentifiedUser()) {
      throw new AuthException("sign in to mark findings as useful");
    }
    if (input == null) {
      throw new BadRequestException("a fingerprint is required");
    }
    if (!rsrc.getChange().isNew()) {
      throw new ResourceConflictException("the change is closed");
    }
    ServerSettings server = settings.server();
    ProjectSettings project = settings.project(rsrc.getProject(), server);
    int patchSet = rsrc.getPatchSet().number();
    Findings findings =
        patchSetFindings.require(
            rsrc.getProject(), rsrc.getPatchSet().commitId().name(), patchSet, project, server);
    Finding f = Dismisser.find(findings.findings(), input.fingerprint, input.path, patchSet);
    boolean counted =
        dismisser.useful(rsrc.getChange().getId().get(), rsrc.getUser().getAccountId(), f);
    UsefulInfo info = new UsefulInfo();
    info.alreadyMarked = counted ? null : true;
    info.ruleId = f.ruleId();
    info.path = f.path();
    info.fingerprint = f.fingerprint();
    return Response.ok(info);
  }
}
