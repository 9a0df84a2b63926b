try:
    risky()
except ValueError:
    pass
except (TypeError, KeyError) as e:
    handle(e)
except Exception as exc:
    raise RuntimeError("wrapped") from exc
except:
    raise
else:
    ok()
finally:
    cleanup()

try:
    pass
finally:
    pass

try:
    pass
except* ValueError:
    pass
except* (TypeError, KeyError) as eg:
    print(eg.exceptions)
else:
    pass
finally:
    pass

try:
    pass
except *OSError as group:
    pass

try:
    x = 1
except ValueError or TypeError:
    pass

