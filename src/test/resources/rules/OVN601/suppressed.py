def shutdown(agent):
    try:
        agent.stop()
    except:  # nosec
        pass
    try:
        agent.wait()
    except:  # noqa: E722
        pass
    try:
        agent.close()
    except:  # security-review: ignore[OVN601]
        pass
    try:
        agent.close()
    except:  # nosec B110  # expect: OVN601:5
        pass
