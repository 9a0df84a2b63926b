from mako import lookup
from mako.template import Template
import mako.template

TEMPLATE_DIR = "/usr/share/neutron/ovn/templates"


def render_router_page(router):
    page = Template(filename=TEMPLATE_DIR + "/router.html")  # expect: PY402:12
    return page.render(router=router)


def render_port_row(port):
    row = mako.template.Template(  # expect: PY402:11
        "<tr><td>${port['name']}</td><td>${port['mac_address'] | h}</td></tr>"
    )
    return row.render(port=port)


def page_lookup():
    return lookup.TemplateLookup(directories=[TEMPLATE_DIR])  # expect: PY402:12


def render_with_raw_filters(network):
    # "n" turns the default filters off; it escapes nothing.
    tmpl = Template("<b>${name | n}</b>", default_filters=["str"])  # expect: PY402:12
    return tmpl.render(name=network["name"])
