package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.gerrit.extensions.restapi.AuthException;
import com.google.gerrit.extensions.restapi.BadRequestException;
import com.google.gerrit.extensions.restapi.ResourceConflictException;
import com.google.gerrit.extensions.restapi.Response;
import com.google.gerrit.extensions.restapi.RestModifyView;
import com.google.gerrit.server.IdentifiedUser;
import com.google.gerrit.server.change.RevisionResource;
import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * {@code POST /changes/{id}/revisions/{rev}/security-review~dismiss}: a reviewer dismisses one of
 * the bot's findings on the current patch set; the bot posts its new vote at once.
 */
@Singleton
public class DismissView implements RestModifyView<RevisionResource, DismissView.Input> {
  public static class Input {
    public String fingerprint;

    /** The finding's file; needed only when two files have a finding with that fingerprint. */
    public String path;

    /** {@code false_positive}, {@code wont_fix} or {@code used_in_tests}. */
    public String reason;

    public String message;
  }

  public static class DismissalInfo {
    public String ruleId;
    public String path;
    public String fingerprint;
    public String reason;
    public String label;

    /** The bot's new vote; absent when it may not cast it, or when nothing changed. */
    public Short vote;

    /** The finding was dismissed already: nothing was posted. */
    public Boolean alreadyDismissed;
  }

  private final Dismisser dismisser;

  @Inject
  DismissView(Dismisser dismisser) {
    this.dismisser = dismisser;
  }

  @Override
  public Response<DismissalInfo> apply(RevisionResource rsrc, Input input) throws Exception {
    if (!rsrc.getUser().isIdentifiedUser()) {
      throw new AuthException("sign in to dismiss findings");
    }
    if (input == null) {
      throw new BadRequestException("a fingerprint and a reason are required");
    }
    DismissalReason reason =
        DismissalReason.parse(input.reason)
            .orElseThrow(
                () ->
                    new BadRequestException("reason must be one of " + DismissalReason.accepted()));
    if (!rsrc.isCurrent()) {
      throw new ResourceConflictException(
          "dismiss findings on the current patch set: patch set "
              + rsrc.getPatchSet().number()
              + " is outdated");
    }
    IdentifiedUser user = rsrc.getUser().asIdentifiedUser();
    Dismisser.Result r =
        dismisser.dismiss(
            rsrc.getProject(),
            rsrc.getChange().getChangeId(),
            user.getAccountId(),
            user.getName(),
            input.fingerprint,
            input.path,
            reason,
            input.message);
    DismissalInfo info = new DismissalInfo();
    info.ruleId = r.dismissal().ruleId();
    info.path = r.dismissal().path();
    info.fingerprint = r.dismissal().fingerprint();
    info.reason = r.dismissal().reason().id();
    info.label = r.label();
    info.vote = r.vote();
    info.alreadyDismissed = r.alreadyDismissed() ? true : null;
    return Response.ok(info);
  }
}
