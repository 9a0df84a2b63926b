import socket

from oslo_config import cfg

from neutron_lib import constants as n_const

OPTS = [
    cfg.HostAddressOpt('bind_host', default='0.0.0.0',
                       help='The host IP to bind to.'),
    cfg.StrOpt('listen_address', default='::',
               help='Operator-configurable listen address.'),
]

WILDCARDS = {n_const.IPv4: '0.0.0.0', n_const.IPv6: '::'}


def get_free_udp_port():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(('', 0))
        return s.getsockname()[1]


def is_any_address(dns_server):
    return dns_server in ('0.0.0.0', '::')


def start_metadata_proxy(driver, monitor, ns_name, port, conf):
    driver.spawn_monitored_metadata_proxy(
        monitor, ns_name, port, conf, bind_address=n_const.METADATA_V4_IP)


def start_api(server, app, conf):
    server.start(app, conf.bind_port, host=conf.bind_host)


def bind_local(port):
    sock = socket.socket()
    sock.bind(('127.0.0.1', port))
    return sock


def spawn(bind_address='0.0.0.0'):
    return bind_address


def firewall_rule(port):
    return [(port.mac, '0.0.0.0')]
