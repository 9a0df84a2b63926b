package com.googlesource.gerrit.plugins.securityreview.engine;

import com.googlesource.gerrit.plugins.securityreview.python.Diagnostic;

/**
 * A rule, or the Python front end, that threw while checking a file: a bug of ours, not a fact
 * about the code. A rule skipped the rest of the statement it failed in (and, after {@code endFile}
 * or a change-level comparison, that step); the front end skipped the statement; the other rules
 * and the rest of the file were still checked.
 *
 * @param ruleId the rule that failed, or {@link #PARSER} for the tokenizer or parser
 * @param line the line of the statement it first failed in (1 for a whole-file step)
 * @param error the exception and where it was thrown, for a bug report
 * @param times how many statements or steps of the file it failed in
 */
public record RuleFailure(String ruleId, int line, String error, int times) {
  /** The {@link #ruleId} of a failure of the tokenizer or parser. */
  public static final String PARSER = "parser";

  /** The {@link #ruleId} of a failure of the engine itself, outside any rule: nothing was kept. */
  public static final String ENGINE = "engine";

  /** One line for people: which rule, where, what. */
  public String describe() {
    String where =
        switch (ruleId) {
          case PARSER -> "the parser";
          case ENGINE -> "the engine";
          default -> "rule " + ruleId;
        };
    String lost =
        switch (ruleId) {
          case PARSER -> "; that statement was not checked";
          case ENGINE -> "; the file was not checked";
          default -> "; its findings there are missing";
        };
    return "internal error in "
        + where
        + " at line "
        + line
        + (times > 1 ? " (and " + (times - 1) + " more)" : "")
        + ": "
        + error
        + lost;
  }

  /** The exception and the first frame of this project's code, which names the failing code. */
  public static String error(Throwable e) {
    return Diagnostic.describe(e);
  }
}
