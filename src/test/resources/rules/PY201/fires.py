import xml.dom.minidom
import xml.etree.ElementTree as ET
import xml.sax
from xml.dom import pulldom
from xml.etree import cElementTree
from xmlrpc import client as xmlrpc_client
from xmlrpc.server import SimpleXMLRPCServer

from lxml import etree


def parse_ovs_interfaces(xml_doc):
    root = ET.fromstring(xml_doc)  # expect: PY201:12
    return [i.get('name') for i in root.iter('interface')]


def load_libvirt_domain(path):
    tree = ET.parse(path)  # expect: PY201:12
    return tree.getroot()


def iter_events(stream):
    for _event, elem in cElementTree.iterparse(stream):  # expect: PY201:25
        yield elem


def read_saml(body):
    dom = xml.dom.minidom.parseString(body)  # expect: PY201:11
    return dom.documentElement


def stream_nodes(fileobj):
    return pulldom.parse(fileobj)  # expect: PY201:12


def sax_parse(fileobj, handler):
    xml.sax.parse(fileobj, handler)  # expect: PY201:5


def get_vtep_client(url):
    return xmlrpc_client.ServerProxy(url)  # expect: PY201:12


def serve_debug(host, port):
    server = SimpleXMLRPCServer((host, port))  # expect: PY201:14
    server.serve_forever()


def parse_with_entities(data):
    parser = etree.XMLParser(resolve_entities=True)  # expect: PY201:14
    return etree.fromstring(data, parser)
