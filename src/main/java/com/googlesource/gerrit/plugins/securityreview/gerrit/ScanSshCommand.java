package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.gerrit.common.data.GlobalCapability;
import com.google.gerrit.entities.Project;
import com.google.gerrit.extensions.annotations.RequiresCapability;
import com.google.gerrit.extensions.api.GerritApi;
import com.google.gerrit.extensions.client.ListChangesOption;
import com.google.gerrit.extensions.common.ChangeInfo;
import com.google.gerrit.extensions.restapi.RestApiException;
import com.google.gerrit.sshd.CommandMetaData;
import com.google.gerrit.sshd.SshCommand;
import com.google.inject.Inject;
import org.kohsuke.args4j.Argument;

/**
 * {@code ssh gerrit security-review scan CHANGE[,PS]}: reviews a patch set again (default: the
 * current one) and posts the result, for administrators.
 */
@CommandMetaData(name = "scan", description = "Review a patch set again and post the result")
@RequiresCapability(GlobalCapability.ADMINISTRATE_SERVER)
public final class ScanSshCommand extends SshCommand {
  @Argument(index = 0, required = true, metaVar = "CHANGE[,PS]", usage = "change number")
  private String target;

  @Inject private GerritApi gApi;
  @Inject private Reviewer reviewer;

  @Override
  protected void run() throws UnloggedFailure, Exception {
    String[] parts = target.split(",", -1);
    int change;
    Integer patchSet = null;
    try {
      change = Integer.parseInt(parts[0].trim());
      if (parts.length > 1) {
        patchSet = Integer.parseInt(parts[1].trim());
      }
      if (parts.length > 2) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw die("expected CHANGE or CHANGE,PATCHSET (numbers), got '" + target + "'");
    }
    ChangeInfo info;
    try {
      info = gApi.changes().id(change).get(ListChangesOption.CURRENT_REVISION);
    } catch (RestApiException e) {
      throw die("change " + change + " not found");
    }
    int ps = patchSet != null ? patchSet : info.revisions.get(info.currentRevision)._number;
    Reviewer.Outcome o =
        reviewer.run(new ReviewRequest(Project.nameKey(info.project), change, ps, null, true));
    if (o.status() == Reviewer.Status.IN_PROGRESS) {
      // Not run: the review already in progress posts the result.
      throw die(o.status() + ": " + o.detail());
    }
    stdout.println(o.status() + ": " + o.detail());
    if (o.vote() != null) {
      stdout.println("vote " + ReviewBuilder.format(o.vote()) + ", " + o.comments() + " comments");
    }
  }
}
