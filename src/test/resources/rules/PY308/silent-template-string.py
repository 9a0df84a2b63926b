# A template string (Python 3.14) is a Template, not a remote command line: no value is formatted
# into a string for the remote shell; whatever sends it sees each interpolated value apart.
import paramiko



def describe(client, port):
    return client.exec_command(t"show interface {port['name']}")


def set_tag(ssh, port_name, tag):
    command = t"ovs-vsctl set port {port_name} tag={tag}"
    ssh.exec_command(command, timeout=30)
