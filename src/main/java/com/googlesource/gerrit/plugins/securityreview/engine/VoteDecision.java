package com.googlesource.gerrit.plugins.securityreview.engine;

import java.util.List;

/**
 * The vote on a reviewed patch set and why: the one function the plugin votes with and the command
 * line predicts with ({@code scan}).
 *
 * @param value the label value: {@link ProjectSettings#voteOnFindings} when a finding reaches the
 *     vote threshold, {@link ProjectSettings#voteOnClean} when everything was checked and none did,
 *     0 when the review is incomplete
 * @param blocking how many findings reach the vote threshold
 * @param reason one sentence, as the review's summary gives it after the label and value
 */
public record VoteDecision(short value, long blocking, String reason) {

  /**
   * @param findings what the review reports: findings on changed lines that the base did not have
   * @param complete whether every relevant file was checked completely: no merge commit, no file
   *     skipped, no syntax error or stopped analysis, no rule that threw
   */
  public static VoteDecision decide(
      ProjectSettings settings, List<Finding> findings, boolean complete) {
    long blocking = findings.stream().filter(settings::blocks).count();
    if (blocking > 0) {
      return new VoteDecision(
          settings.voteOnFindings(),
          blocking,
          blocking
              + (blocking == 1 ? " finding reaches" : " findings reach")
              + " the vote threshold (severity "
              + settings.voteSeverity().label()
              + " or higher, confidence "
              + settings.voteConfidence().label()
              + " or higher).");
    }
    if (!complete) {
      return new VoteDecision((short) 0, 0, "the review is incomplete.");
    }
    return new VoteDecision(
        settings.voteOnClean(),
        0,
        "every changed file was checked; nothing reaches the vote threshold.");
  }

  /** A label value as Gerrit shows it: {@code +1}, {@code 0}, {@code -1}. */
  public static String format(short value) {
    return value > 0 ? "+" + value : String.valueOf(value);
  }
}
