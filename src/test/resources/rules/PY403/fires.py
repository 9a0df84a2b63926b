from django.utils import safestring
from django.utils.html import escape
from django.utils.safestring import mark_safe
import markupsafe
from flask import Markup
from django.utils.safestring import mark_safe as safe_html


def network_link(network):
    return mark_safe('<a href="%s">%s</a>' % (network.url, network.name))  # expect: PY403:12


def port_status(port):
    label = "<span class='%s'>%s</span>" % (port["status"].lower(), port["status"])
    return safestring.SafeString(label)  # expect: PY403:12


def router_summary(router):
    return markupsafe.Markup(f"<b>{router['name']}</b>")  # expect: PY403:12


def description(subnet):
    return Markup(subnet["description"])  # expect: PY403:12


def mixed(network):
    # The name is escaped, the description is not.
    return mark_safe(  # expect: PY403:12
        "<b>" + escape(network.name) + "</b> " + network.description
    )


def port_list(ports):
    rows = []
    for port in ports:
        rows.append("<li>%s</li>" % port["name"])
    return mark_safe("<ul>%s</ul>" % "".join(rows))  # expect: PY403:12


def shell_quote(value):
    for char in "`$!":
        value = value.replace(char, "\\" + char)
    return mark_safe(value)  # expect: PY403:12


def attrs(column):
    link_attrs = " ".join('%s="%s"' % (k, v) for k, v in column.link_attrs.items())
    return mark_safe("<a %s>link</a>" % link_attrs)  # expect: PY403:12


def port_label(port, verbose):
    # Either binding may reach the call.
    if verbose:
        label = port["description"]
    else:
        label = "port"
    return mark_safe(label)  # expect: PY403:12


def tag_list(tags):
    html = ""
    for tag in tags:
        html += "<i>%s</i>" % tag
    return mark_safe(html)  # expect: PY403:12


def tag_set(tags):
    return mark_safe(" ".join({"<i>%s</i>" % tag for tag in tags}))  # expect: PY403:12


BREADCRUMBS = []


def add_crumb(page):
    # A module list filled in a function.
    BREADCRUMBS.append("<li>%s</li>" % page.title)
    return mark_safe("".join(BREADCRUMBS))  # expect: PY403:12


@mark_safe
def subnet_cell(subnet):
    # Everything the function returns is marked safe.
    return '<td title="%s">%s</td>' % (subnet.cidr, subnet.name)  # expect: PY403:12


@safe_html
def port_badge(port):
    if port.admin_state_up:
        return "<span>up</span>"
    return "<span class='down'>" + port["description"] + "</span>"  # expect: PY403:12


class RouterColumns:
    @safestring.mark_safe
    def gateway(self, router):
        return f"<code>{router.external_gateway_info}</code>"  # expect: PY403:16


def router_badge(router):
    # Marking a Template makes text of its repr, with the name in it unescaped.
    return markupsafe.Markup(t"<b>{router['name']}</b>")  # expect: PY403:12
