package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.common.util.concurrent.Striped;
import com.google.gerrit.entities.Project;
import com.google.inject.Singleton;
import java.util.concurrent.locks.Lock;

/**
 * One writer of the bot's votes per change on this node: a review and a dismissal of the same
 * change must not both decide the vote from what the change said before the other posted.
 */
@Singleton
class ChangeLocks {
  private final Striped<Lock> locks = Striped.lock(64);

  Lock of(Project.NameKey project, int change) {
    return locks.get(project.get() + "~" + change);
  }
}
