class OVNMechanismDriver:

    def create_network_precommit(self, context):
        self._ovn_client.create_network(context.plugin_context, context.current)  # nosec
        self._ovn_client.create_network(  # security-review: ignore[OVN302]
            context.plugin_context, context.current)
        self._ovn_client.create_network(context.plugin_context, context.current)  # noqa: OVN302
        self._ovn_client.create_network(context.plugin_context, context.current)  # nosec B608  # expect: OVN302:9
