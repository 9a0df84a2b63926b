from mako import lookup
from mako.template import Template

TEMPLATE_DIR = "/usr/share/neutron/ovn/templates"
ESCAPING = ["h"]


def render_router_page(router):
    page = Template(filename=TEMPLATE_DIR + "/router.html", default_filters=["h"])
    return page.render(router=router)


def page_lookup():
    return lookup.TemplateLookup(
        directories=[TEMPLATE_DIR], default_filters=["str", "h"]
    )


def page_lookup_shared():
    return lookup.TemplateLookup(directories=[TEMPLATE_DIR], default_filters=ESCAPING)


def render_port_row(port):
    # Every expression is escaped.
    row = Template("<tr><td>${port['name'] | h}</td><td>${port['mac'] | x}</td></tr>")
    return row.render(port=port)


def static_banner():
    return Template("<b>Maintenance in progress</b>").render()


def from_kwargs(**kwargs):
    return Template(**kwargs)


class Template2:
    pass


def unrelated():
    return Template2()


def render_folded_row(port):
    # Built from constants, every expression escaped.
    row = Template("<tr><td>${port['name'] | h}</td>" + "<td>${port['mac'] | u}</td></tr>")
    return row.render(port=port)
