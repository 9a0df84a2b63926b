package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.gerrit.extensions.events.ChangeAbandonedListener;
import com.google.gerrit.extensions.events.ChangeDeletedListener;
import com.google.gerrit.extensions.events.ChangeMergedListener;
import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * Removes a change's claims and useful marks once it closes: a closed change is never reviewed
 * again, nor are its findings marked.
 */
@Singleton
class ClaimCleanup implements ChangeMergedListener, ChangeAbandonedListener, ChangeDeletedListener {
  private final Reconciler reconciler;

  @Inject
  ClaimCleanup(Reconciler reconciler) {
    this.reconciler = reconciler;
  }

  @Override
  public void onChangeMerged(ChangeMergedListener.Event event) {
    reconciler.changeClosed(event.getChange()._number);
  }

  @Override
  public void onChangeAbandoned(ChangeAbandonedListener.Event event) {
    reconciler.changeClosed(event.getChange()._number);
  }

  @Override
  public void onChangeDeleted(ChangeDeletedListener.Event event) {
    reconciler.changeClosed(event.getChange()._number);
  }
}
