package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;

/**
 * What an {@code except} clause does with the exception.
 *
 * @param reraises a {@code raise} in it (outside nested defs), or a {@code with
 *     excutils.save_and_reraise_exception()} block
 * @param broad it catches {@code Exception} or {@code BaseException}, alone or in a tuple
 * @param bare a bare {@code except:}
 * @param logs it makes a logging call (nested blocks included)
 * @param logLevel the highest level it logs at, or null when it does not log
 * @param returns it has a {@code return} statement
 * @param returnsConstant every {@code return} returns a constant (None, False, ...), an empty
 *     literal ({@code {}}, {@code []}) or nothing
 * @param onlyPassOrControl the body is only {@code pass}, {@code continue}, {@code break} or {@code
 *     ...} (docstring-like constants included)
 * @param empty the body is empty (parse-error recovery)
 * @param commented a comment on the {@code except} line or inside the handler's lines
 * @param star an {@code except*} clause
 */
public record HandlerIntent(
    boolean reraises,
    boolean broad,
    boolean bare,
    boolean logs,
    LogLevel logLevel,
    boolean returns,
    boolean returnsConstant,
    boolean onlyPassOrControl,
    boolean empty,
    boolean commented,
    boolean star) {

  /** The handler swallows the exception: it neither re-raises nor returns. */
  public boolean swallows() {
    return !reraises && !returns;
  }

  /** The range of a handler's {@code except ...} header, for reporting on that line only. */
  public static Ast.Loc header(Ast.ExceptHandler h) {
    Ast.Loc l = h.loc();
    if (h.type() == null) {
      return new Ast.Loc(l.line(), l.col(), l.line(), l.col() + 6);
    }
    Ast.Loc type = h.type().loc();
    return new Ast.Loc(l.line(), l.col(), type.endLine(), type.endCol());
  }
}
