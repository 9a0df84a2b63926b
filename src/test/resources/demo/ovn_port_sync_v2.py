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

"""Keeps the OVN Northbound port groups in step with Neutron security groups.

Demo change for ``./run demo``: written in the style of an ML2/OVN driver
module, with a few defects on purpose among ordinary, correct code.
"""

import subprocess

from oslo_utils import excutils

from neutron_lib import constants as const
from oslo_config import cfg
from oslo_log import log

LOG = log.getLogger(__name__)

PG_PREFIX = 'pg_'


def pg_name(sg_id):
    """Returns the OVN port group name for a security group id."""
    return PG_PREFIX + sg_id.replace('-', '_')


class PortGroupSync:
    """Creates, updates and deletes OVN port groups for security groups."""

    def __init__(self, nb_idl):
        self._nb_idl = nb_idl

    def create_port_group(self, sg):
        # Correct: checked transaction, names built by a helper.
        with self._nb_idl.transaction(check_error=True) as txn:
            txn.add(self._nb_idl.pg_add(
                name=pg_name(sg['id']),
                may_exist=True,
                external_ids={'neutron:security_group_id': sg['id']}))

    def delete_port_group(self, sg_id):
        with self._nb_idl.transaction(check_error=True) as txn:
            txn.add(self._nb_idl.pg_del(pg_name(sg_id), if_exists=True))

    def set_port_enabled(self, port):
        # The maintenance task re-applies admin state on every run.
        self._nb_idl.lsp_set_enabled(
            port['id'], port['admin_state_up']).execute()

    def update_port_postcommit(self, context):
        port = context.current
        try:
            with self._nb_idl.transaction(check_error=True) as txn:
                for sg_id in port.get('security_groups', []):
                    txn.add(self._nb_idl.pg_add_ports(
                        pg_name(sg_id), port['id']))
        except Exception:
            with excutils.save_and_reraise_exception():
                LOG.exception("Could not update port groups of %s", port['id'])

    def dump_flows(self, bridge):
        # Correct: argument list, no shell.
        return subprocess.check_output(
            ['ovs-ofctl', 'dump-flows', bridge], timeout=30)

    def trace(self, datapath, microflow):
        return subprocess.check_output(
            ['ovn-trace', datapath, microflow], timeout=30)

    def is_ipv6(self, subnet):
        return subnet.get('ip_version') == const.IP_VERSION_6

    def connect(self):
        LOG.debug("Connecting to %s", cfg.CONF.ovn.ovn_nb_connection)
