import jinja2
from jinja2 import Environment
from jinja2 import sandbox
from jinja2 import Template as Tmpl

PAGE_LOADER = jinja2.PackageLoader("networking_ovn_ui", "templates")


class PortsPage:
    def __init__(self):
        self._env = jinja2.Environment(loader=PAGE_LOADER)  # expect: PY401:21

    def render(self, ports):
        return self._env.get_template("ports.html").render(ports=ports)


def error_page_env():
    return Environment(  # expect: PY401:12
        loader=jinja2.FileSystemLoader("/etc/neutron/pages"),
        trim_blocks=True,
    )


def router_page(router):
    env = jinja2.Environment(autoescape=False)  # expect: PY401:30
    return env.from_string("<h1>{{ name }}</h1>").render(name=router["name"])


def sandboxed(template_dir):
    return sandbox.SandboxedEnvironment(  # expect: PY401:12
        loader=jinja2.FileSystemLoader(template_dir)
    )


def chassis_row(chassis):
    escape = False
    env = jinja2.Environment(loader=PAGE_LOADER, autoescape=escape)  # expect: PY401:50
    return env.get_template("chassis.html").render(chassis=chassis)


def network_banner(network):
    tmpl = Tmpl("<b>{{ n.name }}</b>", autoescape=False)  # expect: PY401:40
    return tmpl.render(n=network)
