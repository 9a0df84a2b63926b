import paramiko


def set_vlan(client, port_name, vlan):
    cmd = 'ovs-vsctl set port %s tag=%s' % (port_name, vlan)
    stdin, stdout, stderr = client.exec_command(cmd, timeout=30)  # expect: PY308:49
    return stdout.read()


def describe(client, port):
    return client.exec_command(f"show interface {port['name']}")  # expect: PY308:32


def delete_bridge(self, bridge):
    self.ssh.exec_command('ovs-vsctl del-br ' + bridge)  # expect: PY308:27


def formatted(ssh, network):
    ssh.exec_command('ip netns exec {} ip a'.format(network['name']))  # expect: PY308:22


def joined(ssh, args):
    ssh.exec_command(' '.join(args))  # expect: PY308:22


def connect(host):
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.connect(host, timeout=30)
    return client


def built_in_steps(ssh, bridge):
    cmd = 'ovs-vsctl'
    cmd += ' del-br ' + bridge
    ssh.exec_command(cmd)  # expect: PY308:22
