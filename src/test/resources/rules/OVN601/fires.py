def delete_port(nb_idl, port_id):
    try:
        nb_idl.lsp_del(port_id).execute(check_error=True)
    except:  # expect: OVN601:5
        pass


def sync(nb_idl):
    for row in nb_idl.tables['Logical_Switch_Port'].rows.values():
        try:
            row.verify('external_ids')
        except ValueError:
            continue
        except:  # expect: OVN601:9
            raise RuntimeError("verify failed")


def parse_mac(text):
    # Turns a KeyboardInterrupt into a ValueError.
    try:
        return int(text.replace(':', ''), 16)
    except:  # expect: OVN601:5
        raise ValueError(text)


def serve(handlers, event, log):
    for handler in handlers:
        try:
            handler(event)
        except:  # expect: OVN601:9
            log.exception("handler failed")


def retry(step, log):
    # Re-raises only when the step has no retry left.
    try:
        step()
    except:  # expect: OVN601:5
        if step.retries:
            return
        raise
