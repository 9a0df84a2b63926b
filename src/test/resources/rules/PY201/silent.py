import xml.etree.ElementTree as ET

from defusedxml import ElementTree as SafeET
from defusedxml import minidom as safe_minidom
from lxml import etree

_TEMPLATE = ET.fromstring('<network><name>default</name></network>')


def parse_ovs_interfaces(xml_doc):
    root = SafeET.fromstring(xml_doc)
    return [i.get('name') for i in root.iter('interface')]


def read_saml(body):
    return safe_minidom.parseString(body).documentElement


def build_document(name):
    # Building XML is not parsing it.
    root = ET.Element('port')
    ET.SubElement(root, 'name').text = name
    return ET.tostring(root)


def lxml_default_parser(data):
    # lxml 5+ does not resolve external entities by default.
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False))


def parse_json(parser, body):
    # A parse() method of something else entirely.
    return parser.parse(body)

_DEFAULT_DOC = '<network><name>isolated</name></network>'


def default_network():
    # A document bound once to a constant string is written in the file: trusted.
    return ET.fromstring(_DEFAULT_DOC)
