package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;

/**
 * What an {@code except} clause does with the exception, and what the {@code try} it guards does
 * whose failure it would hide.
 *
 * @param reraises a {@code raise} in it (outside nested defs), or a {@code with
 *     excutils.save_and_reraise_exception()} block
 * @param reraisesOnEveryPath it ends by re-raising the caught exception (a bare {@code raise},
 *     {@code raise} of the name it binds, or a {@code save_and_reraise_exception()} block) and
 *     nothing leaves it earlier ({@code return}, or a {@code break} / {@code continue} of a loop
 *     around it)
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
 * @param commented a prose comment on the {@code except} line or inside the handler's lines; tool
 *     directives ({@code # noqa}, {@code # type: ignore}, {@code # pylint: ...}) are no prose
 * @param noqa a bare {@code # noqa} on the {@code except} line: the author waived the linters'
 *     complaint about this very clause
 * @param inErrorPath the {@code try} statement lies in an {@code except} handler or a {@code
 *     finally} block of the same function: a best-effort step on a path that is already failing or
 *     cleaning up
 * @param check the call the {@code try} body ends with when it calls a function of this file that
 *     reports only by raising (it raises on some condition and returns no value): a check whose
 *     exception is its verdict; null otherwise
 * @param elseRaises the {@code try} has an {@code else} block that raises: success of the body is
 *     the rejection, so the exception path is the acceptance
 * @param hasElse the {@code try} has an {@code else} block
 * @param ovsdbWrite the first statement of the {@code try} body that writes an OVSDB database: a
 *     call whose result is dropped on an OVSDB command (its {@code execute()}), transaction or API,
 *     or on Neutron's OVN client, or a {@code with} of an OVSDB transaction; null when there is
 *     none
 * @param star an {@code except*} clause
 */
public record HandlerIntent(
    boolean reraises,
    boolean reraisesOnEveryPath,
    boolean broad,
    boolean bare,
    boolean logs,
    LogLevel logLevel,
    boolean returns,
    boolean returnsConstant,
    boolean onlyPassOrControl,
    boolean empty,
    boolean commented,
    boolean noqa,
    boolean inErrorPath,
    Ast.Call check,
    boolean elseRaises,
    boolean hasElse,
    Ast.Node ovsdbWrite,
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
