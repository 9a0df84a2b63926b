package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.gerrit.entities.Project;
import com.google.gerrit.extensions.client.ChangeKind;

/**
 * A patch set to review.
 *
 * @param kind how the patch set differs from the previous one (REWORK when unknown)
 * @param force review again even if the bot already reviewed this patch set (REST / SSH re-run)
 */
public record ReviewRequest(
    Project.NameKey project, int change, int patchSet, ChangeKind kind, boolean force) {
  public ReviewRequest {
    kind = kind == null ? ChangeKind.REWORK : kind;
  }

  @Override
  public String toString() {
    return project.get() + "~" + change + "," + patchSet;
  }
}
