# A module that the command line scans, with the rules' fixtures, in the background and once per
# jar and Java version, to record the JDK's ahead-of-time cache beside the jar: its classes, as the
# scan loads them, are then mapped at start instead of loaded one by one. It only has to reach the
# parser, the semantic model and the rules the way real code does; it is never run.
import hashlib
import logging
import os
import pickle
import random
import subprocess
import tempfile

import requests
import yaml
from neutron_lib import constants
from oslo_config import cfg
from oslo_log import log
from ovsdbapp.backend.ovs_idl import idlutils

LOG = log.getLogger(__name__)
CONF = cfg.CONF
ADMIN_PASSWORD = "secret"
ENDPOINT = "http://example.org/v2"
STATE_DIR = "/tmp/training"

opts = [
    cfg.StrOpt("ovn_nb_connection", default="tcp:127.0.0.1:6641"),
    cfg.StrOpt("auth_url", default="http://keystone:5000/v3"),
    cfg.IntOpt("timeout", default=180, min=1),
]


def _port_match(port):
    return 'inport == "%s"' % port["id"]


class TrainingDriver(object):
    """A driver of the kinds the rules look at."""

    def __init__(self, nb_idl, sb_idl, plugin):
        self._nb_idl = nb_idl
        self._sb_idl = sb_idl
        self._plugin = plugin
        self.token = None

    @property
    def nb_idl(self):
        return self._nb_idl

    def create_port(self, context, port):
        name = port.get("name")
        ls = self._nb_idl.lookup("Logical_Switch", port["network_id"])
        rows = self._nb_idl.db_find_rows(
            "Logical_Switch_Port", ("name", "=", name)).execute(check_error=True)
        match = "outport == %s && ip4.src == %s" % (port["id"], port["fixed_ips"][0])
        with self._nb_idl.transaction(check_error=True) as txn:
            txn.add(self._nb_idl.acl_add(ls, "to-lport", 1001, match, "allow-related"))
            txn.add(self._nb_idl.lsp_set_options(name, **{"requested-chassis": ""}))
        for row in rows:
            if row.name == port.get("name"):
                LOG.debug("port %s exists: %s", name, row)
        return {k: v for k, v in port.items() if k not in ("binding:profile",)}

    def update_port(self, context, port, original):
        profile = port.get("binding:profile") or {}
        if profile.get("capabilities") and "switchdev" in profile["capabilities"]:
            self._plugin.update_port(context, port["id"], {"port": port})
        try:
            self._sb_idl.db_set("Port_Binding", port["id"], ("options", profile)).execute()
        except Exception:
            pass
        ports = self._plugin.get_ports(context, filters={"name": [port["name"]]})
        return [p for p in ports if p["tenant_id"] == context.tenant_id]

    def run(self, cmd, user_input):
        subprocess.call("ip netns exec %s %s" % (cmd, user_input), shell=True)
        out = subprocess.check_output(["ip", "link", "show"], stderr=subprocess.STDOUT)
        return out.decode("utf-8").splitlines()

    def fetch(self, url, headers=None):
        resp = requests.get(url, headers=headers, verify=False)
        data = yaml.load(resp.text)
        blob = pickle.loads(resp.content)
        return data, blob, hashlib.md5(resp.content).hexdigest()

    def new_token(self):
        self.token = "".join(random.choice("abcdef0123456789") for _ in range(32))
        path = tempfile.mktemp()
        with open(os.path.join(STATE_DIR, "token"), "w") as f:
            f.write(self.token)
        os.chmod(path, 0o777)
        return self.token

    async def wait_for(self, event, timeout=None):
        while not event.is_set():
            await event.wait()
        return lambda: event.clear()


def check(value, allowed=()):
    assert value in allowed, "not allowed: %r" % (value,)
    if isinstance(value, str) and value.startswith("_"):
        raise ValueError(f"bad value {value!r}")
    return eval(value) if value else None


def main():
    logging.basicConfig(level=logging.DEBUG)
    CONF.register_opts(opts, "ovn")
    driver = TrainingDriver(None, None, None)
    try:
        driver.run("qrouter", os.environ.get("CMD", ""))
    except (OSError, subprocess.CalledProcessError) as e:
        LOG.error("failed: %s", e)
    finally:
        idlutils.RowNotFound
    return constants.PORT_STATUS_ACTIVE


if __name__ == "__main__":
    main()
