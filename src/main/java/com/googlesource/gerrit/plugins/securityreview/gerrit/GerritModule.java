package com.googlesource.gerrit.plugins.securityreview.gerrit;

import static com.google.gerrit.server.change.RevisionResource.REVISION_KIND;
import static com.google.gerrit.server.config.ConfigResource.CONFIG_KIND;

import com.google.gerrit.extensions.annotations.Exports;
import com.google.gerrit.extensions.config.CapabilityDefinition;
import com.google.gerrit.extensions.events.ChangeAbandonedListener;
import com.google.gerrit.extensions.events.ChangeDeletedListener;
import com.google.gerrit.extensions.events.ChangeMergedListener;
import com.google.gerrit.extensions.events.CommentAddedListener;
import com.google.gerrit.extensions.events.RevisionCreatedListener;
import com.google.gerrit.extensions.registration.DynamicSet;
import com.google.gerrit.extensions.restapi.RestApiModule;
import com.google.gerrit.lifecycle.LifecycleModule;
import com.google.inject.AbstractModule;

/**
 * Binds the review of new patch sets, its queue, the sweep and claims that make every patch set
 * reviewed once, the capability and the REST endpoints.
 */
public class GerritModule extends AbstractModule {
  @Override
  protected void configure() {
    DynamicSet.bind(binder(), RevisionCreatedListener.class).to(RevisionListener.class);
    DynamicSet.bind(binder(), ChangeMergedListener.class).to(ClaimCleanup.class);
    DynamicSet.bind(binder(), ChangeAbandonedListener.class).to(ClaimCleanup.class);
    DynamicSet.bind(binder(), ChangeDeletedListener.class).to(ClaimCleanup.class);
    DynamicSet.bind(binder(), CommentAddedListener.class).to(DismissalReplies.class);
    install(
        new LifecycleModule() {
          @Override
          protected void configure() {
            // Started in this order, stopped in the reverse: the sweep feeds the queue.
            listener().to(ReviewQueue.class);
            listener().to(Reconciler.class);
          }
        });
    install(new FindingsModule());
    install(new SettingsPageModule());
    bind(CapabilityDefinition.class)
        .annotatedWith(Exports.named(RunCapability.NAME))
        .to(RunCapability.class);
    install(
        new RestApiModule() {
          @Override
          protected void configure() {
            get(REVISION_KIND, "findings").to(FindingsView.class);
            get(REVISION_KIND, "status").to(StatusView.class);
            post(REVISION_KIND, "run").to(RunView.class);
            post(REVISION_KIND, "dismiss").to(DismissView.class);
            post(REVISION_KIND, "useful").to(UsefulView.class);
            get(CONFIG_KIND, "feedback").to(FeedbackView.class);
          }
        });
  }
}
