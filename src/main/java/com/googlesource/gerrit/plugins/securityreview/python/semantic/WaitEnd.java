package com.googlesource.gerrit.plugins.securityreview.python.semantic;

/** What, other than a timeout argument of its own, ends a blocking wait. */
public enum WaitEnd {
  /**
   * The future is already done: yielded by {@code as_completed}, or checked with {@code done()}.
   */
  COMPLETED,
  /**
   * The thread or future was started by the function that waits for it: it ends when that work
   * does, and the work's own calls are where a bound belongs (a join timeout would not stop it).
   */
  OWN_WORK,
  /** The thread was told to stop just before: its stop event set, or the thread cancelled. */
  STOPPED,
  /** An enclosing timeout interrupts it: {@code with eventlet.Timeout(...)}, one armed before. */
  TIMEOUT_CONTEXT,
  /** The child process's own command carries a deadline ({@code ping -w 1}, {@code timeout 5}). */
  OWN_DEADLINE,
  /** The function exists to block: it ends with the wait, so its caller owns the bound. */
  CALLER,
  /** It runs on a script's entry path: whoever started the process bounds it by ending it. */
  PROCESS_ENTRY,
  /** A worker's loop that never leaves: after a timeout it would only wait again. */
  SERVICE_LOOP
}
