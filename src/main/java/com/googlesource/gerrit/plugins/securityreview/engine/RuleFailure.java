package com.googlesource.gerrit.plugins.securityreview.engine;

/**
 * A rule that threw while checking a file: a bug in the rule, not a fact about the code. The rule
 * skipped the rest of the statement it failed in (and, after {@code endFile} or a change-level
 * comparison, that step); the other rules and the rest of the file were still checked.
 *
 * @param ruleId the rule that failed
 * @param line the line of the statement it first failed in (1 for a whole-file step)
 * @param error the exception and where it was thrown, for a bug report
 * @param times how many statements or steps of the file it failed in
 */
public record RuleFailure(String ruleId, int line, String error, int times) {

  /** One line for people: which rule, where, what. */
  public String describe() {
    return "internal error in rule "
        + ruleId
        + " at line "
        + line
        + (times > 1 ? " (and " + (times - 1) + " more)" : "")
        + ": "
        + error
        + "; its findings there are missing";
  }

  /** The exception and the first frame of this project's code, which names the failing code. */
  public static String error(Throwable e) {
    for (StackTraceElement frame : e.getStackTrace()) {
      if (frame.getClassName().startsWith("com.googlesource.")) {
        return e + " at " + frame;
      }
    }
    StackTraceElement[] frames = e.getStackTrace();
    return frames.length == 0 ? e.toString() : e + " at " + frames[0];
  }
}
