package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.gerrit.common.data.GlobalCapability;
import com.google.gerrit.extensions.annotations.RequiresCapability;
import com.google.gerrit.extensions.restapi.Response;
import com.google.gerrit.extensions.restapi.RestReadView;
import com.google.gerrit.server.config.ConfigResource;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import com.googlesource.gerrit.plugins.securityreview.gerrit.FeedbackStore.RuleFeedback;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /config/server/security-review~feedback}, for administrators: per rule, how often
 * reviewers dismissed its findings, by reason, and marked them useful, across the site.
 */
@Singleton
@RequiresCapability(GlobalCapability.ADMINISTRATE_SERVER)
public class FeedbackView implements RestReadView<ConfigResource> {
  public static class RuleFeedbackInfo {
    /** By reason: {@code false_positive}, {@code wont_fix}, {@code used_in_tests}. */
    public Map<String, Integer> dismissed = new LinkedHashMap<>();

    public int useful;

    /**
     * Of the findings reviewers judged (useful, or dismissed as a false positive), the share that
     * was useful; absent before any judgement.
     */
    public Double precision;
  }

  private final FeedbackStore store;

  @Inject
  FeedbackView(FeedbackStore store) {
    this.store = store;
  }

  @Override
  public Response<Map<String, RuleFeedbackInfo>> apply(ConfigResource rsrc) throws Exception {
    Map<String, RuleFeedbackInfo> out = new TreeMap<>();
    for (Map.Entry<String, RuleFeedback> e : store.read().entrySet()) {
      RuleFeedbackInfo info = new RuleFeedbackInfo();
      e.getValue().dismissed().forEach((reason, n) -> info.dismissed.put(reason.id(), n));
      info.useful = e.getValue().useful();
      int falsePositives = e.getValue().dismissed().get(DismissalReason.FALSE_POSITIVE);
      int judged = info.useful + falsePositives;
      info.precision = judged == 0 ? null : (double) info.useful / judged;
      out.put(e.getKey(), info);
    }
    return Response.ok(out);
  }
}
