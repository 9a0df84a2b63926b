import xml.etree.ElementTree as ET
from xmlrpc import client


def parse_a(doc):
    return ET.fromstring(doc)  # nosec


def parse_b(doc):
    return ET.fromstring(doc)  # noqa: S314


def parse_c(doc):
    return ET.fromstring(doc)  # nosec B314


def parse_d(doc):
    return ET.fromstring(doc)  # security-review: ignore[PY201]


def vtep(url):
    return client.ServerProxy(url)  # noqa: S411


def parse_e(doc):
    return ET.fromstring(doc)  # noqa: S608  # expect: PY201:12
