import paramiko
from paramiko import client as ssh_client
from paramiko.client import WarningPolicy


def connect_switch(switch_ip, user, password):
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())  # expect: PY307:40
    client.connect(switch_ip, username=user, password=password, timeout=30)
    return client


def connect_class(host):
    client = ssh_client.SSHClient()
    client.set_missing_host_key_policy(ssh_client.AutoAddPolicy)  # expect: PY307:40
    return client


def connect_warning(self, host):
    self._ssh.set_missing_host_key_policy(WarningPolicy())  # expect: PY307:43
    self._ssh.connect(host, timeout=30)


def connect_keyword(client):
    client.set_missing_host_key_policy(policy=paramiko.client.AutoAddPolicy())  # expect: PY307:47


def connect_policy_variable(client):
    policy = paramiko.AutoAddPolicy()
    client.set_missing_host_key_policy(policy)  # expect: PY307:40
