import shlex

import paramiko


def set_vlan(client, port_name, vlan):
    cmd = 'ovs-vsctl set port %s tag=%d' % (shlex.quote(port_name), int(vlan))
    return client.exec_command(cmd, timeout=30)


def literal(client):
    return client.exec_command('ovs-vsctl show', timeout=30)


def quoted_fstring(client, bridge):
    return client.exec_command(f'ovs-vsctl del-br {shlex.quote(bridge)}')


def joined(client, args):
    return client.exec_command(shlex.join(args))


def passed_in(client, command):
    # The caller builds the command: review it there.
    return client.exec_command(command)


def connect(host):
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.connect(host, timeout=30)
    return client


OVS_OPTS = '--timeout=10'


def quoted_concatenation(client, bridge):
    return client.exec_command('ovs-vsctl ' + OVS_OPTS + ' del-br ' + shlex.quote(bridge))
