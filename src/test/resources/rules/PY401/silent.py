import jinja2
from jinja2 import select_autoescape

PAGE_LOADER = jinja2.PackageLoader("networking_ovn_ui", "templates")

# Configuration files: Bandit and Ruff leave a bare Template(source) alone too.
CONFIG_TEMPLATE = jinja2.Template("""peer {{ peer_address }}
{
   hold-time 30;
};
""")


def env_escaping():
    return jinja2.Environment(loader=PAGE_LOADER, autoescape=True)


def env_select():
    return jinja2.Environment(loader=PAGE_LOADER, autoescape=select_autoescape())


def env_select_qualified():
    return jinja2.Environment(
        loader=PAGE_LOADER,
        autoescape=jinja2.select_autoescape(["html", "xml"]),
    )


def env_from_option(conf):
    # The value is not known here.
    return jinja2.Environment(loader=PAGE_LOADER, autoescape=conf.autoescape)


def env_from_parameter(autoescape=True):
    return jinja2.Environment(loader=PAGE_LOADER, autoescape=autoescape)


def env_callable():
    return jinja2.Environment(
        loader=PAGE_LOADER, autoescape=lambda name: name.endswith(".html")
    )


def env_kwargs(**kwargs):
    # autoescape may come with kwargs.
    return jinja2.Environment(loader=PAGE_LOADER, **kwargs)


def native_env():
    # Renders Python objects, not HTML.
    return jinja2.nativetypes.NativeEnvironment()


class Environment:
    """Not jinja2's."""


def local_env():
    return Environment()


def template_escaping(network):
    return jinja2.Template("<b>{{ n }}</b>", autoescape=True).render(n=network)
