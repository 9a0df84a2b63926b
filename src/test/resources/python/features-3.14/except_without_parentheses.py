import errno


class ProbeError(Exception):
    pass


def probe(run, tables):
    try:
        run()
    except ValueError, TypeError:
        return None
    except KeyError , LookupError, :
        return {}
    except tables.NotFound, tables.errors[0], ProbeError:
        return []
    except (OSError, IOError) as e:
        return e.errno == errno.ENOENT


def probe_group(run):
    try:
        run()
    except* ValueError, TypeError:
        pass
    except* OSError:
        pass
