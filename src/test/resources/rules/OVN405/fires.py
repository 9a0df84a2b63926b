import socket
import socketserver
from wsgiref import simple_server

import eventlet


def start_probe_listener(port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(('0.0.0.0', port))  # expect: OVN405:16
    sock.listen(5)
    return sock


def start_v6_listener(port):
    return eventlet.listen(('::', port), family=socket.AF_INET6)  # expect: OVN405:29


def start_health_server(server, app, port):
    server.start(app, port, host='0.0.0.0')  # expect: OVN405:34


def start_debug_server(app):
    return simple_server.make_server('0.0.0.0', 8080, app)  # expect: OVN405:38


def start_tcp_server(handler, port):
    return socketserver.TCPServer(('0.0.0.0', port), handler)  # expect: OVN405:36


def spawn_proxy(driver, monitor, ns_name, port, conf):
    driver.spawn_monitored_metadata_proxy(
        monitor, ns_name, port, conf,
        bind_address='::')  # expect: OVN405:22


WILDCARD = '0.0.0.0'


def start_status_server(app, port):
    return make_server(WILDCARD, port, app)  # expect: OVN405:24
