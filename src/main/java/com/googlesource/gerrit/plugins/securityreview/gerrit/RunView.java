package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.gerrit.extensions.annotations.PluginName;
import com.google.gerrit.extensions.api.access.PluginPermission;
import com.google.gerrit.extensions.restapi.AuthException;
import com.google.gerrit.extensions.restapi.ResourceConflictException;
import com.google.gerrit.extensions.restapi.Response;
import com.google.gerrit.extensions.restapi.RestModifyView;
import com.google.gerrit.server.CurrentUser;
import com.google.gerrit.server.change.RevisionResource;
import com.google.gerrit.server.permissions.PermissionBackend;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.EnumSet;

/**
 * {@code POST /changes/{id}/revisions/{rev}/security-review~run}: reviews the (current) patch set
 * again and posts the result, even if the bot reviewed it before. Allowed to the change owner and
 * to users with the plugin's {@value RunCapability#NAME} capability (administrators have it).
 */
@Singleton
public class RunView implements RestModifyView<RevisionResource, RunView.Input> {
  public static class Input {}

  /** The JSON answer. */
  public static class RunInfo {
    public String status;
    public String detail;
    public Short vote;
    public int comments;
  }

  private static final EnumSet<Reviewer.Status> FAILURES =
      EnumSet.of(
          Reviewer.Status.NOT_CONFIGURED,
          Reviewer.Status.BOT_MISSING,
          Reviewer.Status.LABEL_MISSING,
          Reviewer.Status.NOT_PERMITTED,
          Reviewer.Status.COMMENT_LIMIT,
          Reviewer.Status.DISABLED,
          Reviewer.Status.CLOSED,
          Reviewer.Status.OUTDATED,
          Reviewer.Status.IN_PROGRESS);

  private final Reviewer reviewer;
  private final PermissionBackend permissionBackend;
  private final String pluginName;

  @Inject
  RunView(Reviewer reviewer, PermissionBackend permissionBackend, @PluginName String pluginName) {
    this.reviewer = reviewer;
    this.permissionBackend = permissionBackend;
    this.pluginName = pluginName;
  }

  @Override
  public Response<RunInfo> apply(RevisionResource rsrc, Input input) throws Exception {
    CurrentUser user = rsrc.getUser();
    boolean owner =
        user.isIdentifiedUser() && rsrc.getChange().getOwner().equals(user.getAccountId());
    if (!owner
        && !permissionBackend
            .currentUser()
            .test(new PluginPermission(pluginName, RunCapability.NAME, true))) {
      throw new AuthException(
          "only the change owner or users with "
              + RunCapability.NAME
              + " may run the security review");
    }
    Reviewer.Outcome o =
        reviewer.run(
            new ReviewRequest(
                rsrc.getProject(),
                rsrc.getChange().getChangeId(),
                rsrc.getPatchSet().number(),
                null,
                true));
    if (FAILURES.contains(o.status())) {
      throw new ResourceConflictException(o.status() + ": " + o.detail());
    }
    RunInfo info = new RunInfo();
    info.status = o.status().name();
    info.detail = o.detail();
    info.vote = o.vote();
    info.comments = o.comments();
    return Response.ok(info);
  }
}
