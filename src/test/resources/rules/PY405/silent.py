class OVNPortForwarding:
    def delete_port_forwarding(self, context, fip_id, pf_id):
        fip = self._get_fip(context, fip_id)
        # An access check: PY404's, not this rule's.
        assert context.is_admin or fip.project_id == context.project_id
        self._delete(context, pf_id)

    def _get_chassis(self, chassis):
        if chassis is None:
            raise ValueError("chassis is required")
        return chassis

    def _describe(self):
        # The word assert in a string is not an assert.
        return "assert nothing"
