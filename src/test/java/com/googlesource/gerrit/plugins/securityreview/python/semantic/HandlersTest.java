package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import static com.google.common.truth.Truth.assertThat;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.ParseResult;
import com.googlesource.gerrit.plugins.securityreview.python.PythonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The facts {@link SemanticModel#intentOf} gives about a handler and the try it guards. */
class HandlersTest {
  private SemanticModel model;

  /** The intents of a source's handlers, in source order. */
  private List<HandlerIntent> intents(String source) {
    List<HandlerIntent> result = new ArrayList<>();
    for (Ast.ExceptHandler h : handlers(source)) {
      result.add(model.intentOf(h));
    }
    return result;
  }

  /** The handlers of a source, in source order, with {@link #model} made anew for it. */
  private List<Ast.ExceptHandler> handlers(String source) {
    ParseResult r = PythonParser.parse(source.getBytes(StandardCharsets.UTF_8));
    model = SemanticModel.of(r);
    List<Ast.ExceptHandler> result = new ArrayList<>();
    Walk.preorder(
        r.module().body(),
        n -> {
          if (n instanceof Ast.ExceptHandler h) {
            result.add(h);
          }
          return true;
        });
    return result;
  }

  /**
   * {@link SemanticModel#catchesBroadly} answers as the whole intent does (bare or broad), for bare
   * handlers, {@code Exception} and {@code BaseException} however imported or aliased, in a tuple
   * or alone, and for the narrow ones.
   */
  @Test
  void catchesBroadly_isBareOrBroad() {
    String source =
        """
        import builtins
        def f():
            try:
                g()
            except:
                pass
            try:
                g()
            except Exception:
                pass
            try:
                g()
            except (KeyError, builtins.BaseException):
                pass
            try:
                g()
            except (KeyError, ValueError):
                pass
            try:
                g()
            except OSError as e:
                pass
            try:
                g()
            except exc.Exception:
                pass
        """;
    List<HandlerIntent> hs = intents(source);
    // A model of its own, which has worked out no intent yet.
    List<Boolean> broadly = new ArrayList<>();
    for (Ast.ExceptHandler h : handlers(source)) {
      broadly.add(model.catchesBroadly(h));
    }
    assertThat(broadly)
        .containsExactlyElementsIn(hs.stream().map(i -> i.bare() || i.broad()).toList())
        .inOrder();
    assertThat(broadly).containsExactly(true, true, true, false, false, false).inOrder();
  }

  @Test
  void reraisesOnEveryPath() {
    List<HandlerIntent> hs =
        intents(
            """
            from oslo_utils import excutils
            def f(lock, items):
                try:
                    g()
                except:
                    lock.release()
                    raise
                try:
                    g()
                except BaseException as e:
                    raise e
                try:
                    g()
                except:
                    with excutils.save_and_reraise_exception():
                        lock.release()
                try:
                    g()
                except:
                    for i in items:
                        if i:
                            continue
                    raise
                try:
                    g()
                except:
                    if lock.held:
                        return
                    raise
                for i in items:
                    try:
                        g()
                    except:
                        if i:
                            continue
                        raise
                try:
                    g()
                except:
                    raise ValueError()
            """);
    assertThat(hs.stream().map(HandlerIntent::reraisesOnEveryPath).toList())
        .containsExactly(true, true, true, true, false, false, false)
        .inOrder();
    assertThat(hs.getLast().reraises()).isTrue();
  }

  @Test
  void proseCommentsExplainDirectivesDoNot() {
    List<HandlerIntent> hs =
        intents(
            """
            def f():
                try:
                    g()
                except Exception:  # the agent resyncs on restart
                    pass
                try:
                    g()
                except Exception:
                    # already gone
                    pass
                try:
                    g()
                except Exception:  # noqa
                    pass
                try:
                    g()
                except Exception:  # nosec B110  # noqa: S110
                    pass
                try:
                    g()
                except Exception:  # pylint: disable=broad-except
                    pass
            """);
    assertThat(hs.stream().map(HandlerIntent::commented).toList())
        .containsExactly(true, true, false, false, false)
        .inOrder();
    assertThat(hs.stream().map(HandlerIntent::noqa).toList())
        .containsExactly(false, false, true, false, false)
        .inOrder();
  }

  @Test
  void errorPathIsAHandlerOrFinallyOfTheSameFunction() {
    List<HandlerIntent> hs =
        intents(
            """
            def f():
                try:
                    g()
                except Exception:
                    try:
                        undo()
                    except Exception:
                        pass
                    raise
                finally:
                    try:
                        close()
                    except Exception:
                        pass
                    def later():
                        try:
                            g()
                        except Exception:
                            pass
            """);
    // Source order: the outer handler, the one inside it, the one in finally, the nested def's.
    assertThat(hs.stream().map(HandlerIntent::inErrorPath).toList())
        .containsExactly(false, true, true, false)
        .inOrder();
  }

  @Test
  void aTryEndingInACallToACheckOfTheFile() {
    List<HandlerIntent> hs =
        intents(
            """
            class C:
                def _check(self, x):
                    if not x:
                        raise ValueError(x)

                def _lookup(self, x):
                    if not x:
                        raise ValueError(x)
                    return x

                def _translate(self, x):
                    try:
                        g(x)
                    except KeyError:
                        raise ValueError(x)

                def use(self, x):
                    try:
                        self._check(x)
                    except Exception:
                        pass
                    try:
                        self._check(x)
                        done = True
                    except Exception:
                        pass
                    try:
                        self._lookup(x)
                    except Exception:
                        pass
                    try:
                        self._translate(x)
                    except Exception:
                        pass
                    try:
                        self._check(x)
                    except Exception:
                        continue
                    else:
                        raise RuntimeError(x)
            """);
    // The first handler is _translate's own.
    assertThat(hs.get(1).check()).isNotNull();
    assertThat(hs.get(1).hasElse()).isFalse();
    assertThat(hs.get(2).check()).isNull();
    assertThat(hs.get(3).check()).isNull();
    assertThat(hs.get(4).check()).isNull();
    assertThat(hs.get(5).check()).isNotNull();
    assertThat(hs.get(5).hasElse()).isTrue();
    assertThat(hs.get(5).elseRaises()).isTrue();
  }

  @Test
  void ovsdbWritesAreEffectsOnCommandsTransactionsAndTheOvnClient() {
    List<HandlerIntent> hs =
        intents(
            """
            from neutron.plugins.ml2.drivers.ovn.mech_driver.ovsdb import impl_idl_ovn
            from neutron.plugins.ml2.drivers.ovn.mech_driver.ovsdb import ovn_client

            nb = impl_idl_ovn.OvsdbNbOvnIdl(None)
            client = ovn_client.OVNClient(nb, None)

            def f(port_id):
                try:
                    nb.lsp_del(port_id).execute(check_error=True)
                except Exception:
                    pass
                try:
                    with nb.transaction(check_error=True) as txn:
                        txn.add(nb.lsp_del(port_id))
                except Exception:
                    pass
                try:
                    client.delete_port(None, port_id)
                except Exception:
                    pass
                try:
                    row = nb.lookup('Logical_Switch_Port', port_id)
                except Exception:
                    pass
                try:
                    nb.lsp_del(port_id)
                except Exception:
                    pass
            """);
    assertThat(hs.stream().map(h -> h.ovsdbWrite() != null).toList())
        .containsExactly(true, true, true, false, false)
        .inOrder();
  }
}
