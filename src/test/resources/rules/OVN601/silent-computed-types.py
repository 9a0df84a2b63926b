# Handlers whose type is computed: a call or a subscript names no broad exception.


class Sync:
    def _error_types(self):
        return (KeyError, ValueError)

    def _retry_once(self, row):
        try:
            self._apply(row)
        except self._error_types():
            pass

    def _first_kind(self, kinds, row):
        try:
            self._apply(row)
        except kinds[0]:
            pass

    def _by_name(self, table, row):
        try:
            self._apply(row)
        except table["not_found"]:
            return None
