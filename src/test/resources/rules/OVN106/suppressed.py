def pick(plugin, context, port):
    a = plugin.get_networks(context, filters={'name': [port['name']]})  # noqa: OVN106
    b = plugin.get_networks(context, filters={'name': [port['name']]})  # security-review: ignore[OVN105]  # expect: OVN106:56
    return a, b
