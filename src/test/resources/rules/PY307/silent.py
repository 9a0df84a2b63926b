import paramiko


class AutoAddPolicy:
    pass


def connect_switch(switch_ip, user, password, known_hosts):
    client = paramiko.SSHClient()
    client.load_host_keys(known_hosts)
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect(switch_ip, username=user, password=password, timeout=30)
    return client


def default_policy(host):
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.connect(host, timeout=30)
    return client


def configured(client, policy):
    client.set_missing_host_key_policy(policy)


def local_lookalike(client):
    client.set_policy(AutoAddPolicy())
