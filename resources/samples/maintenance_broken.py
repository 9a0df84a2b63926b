# Copyright 2026 The security-review authors.
#
#    Licensed under the Apache License, Version 2.0 (the "License"); you may
#    not use this file except in compliance with the License. You may obtain
#    a copy of the License at
#
#         http://www.apache.org/licenses/LICENSE-2.0
#
#    Unless required by applicable law or agreed to in writing, software
#    distributed under the License is distributed on an "AS IS" BASIS, WITHOUT
#    WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied. See the
#    License for the specific language governing permissions and limitations
#    under the License.

"""Periodic repair of OVN rows that drifted from the Neutron database.

DELIBERATELY BROKEN sample for ``./run scan-demo``: the ``for`` statement in
``fix_port_groups`` lacks its colon, so the parser must report a syntax
error on that line.
"""

from oslo_log import log

LOG = log.getLogger(__name__)


class SketchMaintenanceWorker:

    def __init__(self, nb_idl, plugin):
        self._nb_idl = nb_idl
        self._plugin = plugin

    def fix_port_groups(self, admin_context):
        expected = {sg['id'] for sg in
                    self._plugin.get_security_groups(admin_context)}
        present = self._nb_idl.get_port_groups()
        for sg_id in expected - present.keys()
            LOG.info("Creating missing port group for %s", sg_id)
            self._nb_idl.pg_add(sg_id, may_exist=True).execute(
                check_error=True)
