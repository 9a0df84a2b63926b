# Commit hook handlers whose type is computed: a call or a subscript names no broad exception.


def expected_errors():
    return (KeyError, ValueError)


class OVNMechanismDriver:
    def update_port_postcommit(self, context):
        try:
            self._ovn_client.update_port(context.current)
        except expected_errors():
            pass

    def delete_port_postcommit(self, context):
        try:
            self._ovn_client.delete_port(context.current["id"])
        except self._ignored[0]:
            pass
