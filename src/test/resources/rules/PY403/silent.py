from django.template.loader import render_to_string
from django.utils.html import escape, format_html
from django.utils.translation import gettext_lazy as _
from django.utils.safestring import mark_safe
from django.utils.safestring import mark_safe as safe_html
import markupsafe


ARROW = mark_safe("&rarr;")


def network_link(network):
    return format_html('<a href="{}">{}</a>', network.url, network.name)


def escaped_name(network):
    return mark_safe("<b>%s</b>" % escape(network.name))


def escaped_concat(network):
    return mark_safe("<b>" + escape(network.name) + "</b>")


def escaped_fstring(network):
    return mark_safe(f"<b>{escape(network.name)}</b>")


def template_output(router):
    return mark_safe(render_to_string("router_row.html", {"router": router}))


def markup_format(router):
    # Markup.format escapes the values it inserts.
    return markupsafe.Markup("<b>{}</b>").format(router["name"])


def markup_escape(router):
    return markupsafe.Markup(markupsafe.escape(router["name"]))


class Formatter:
    def mark_safe(self, text):
        return text

    def cell(self, network):
        # A method of the same name, not Django's.
        return self.mark_safe(network.name)


LINE_BREAK = markupsafe.Markup(b"<br>")


def volume_name(backup):
    if backup.volume:
        name = backup.volume.name
        name = escape(name)
    else:
        name = _("Unknown")
    return mark_safe(name)


def locked_icon(instance):
    if instance.locked:
        icon = "fa fa-lock"
        tooltip = _("This instance is locked.")
    else:
        icon = "fa fa-unlock"
        tooltip = _("This instance is unlocked.")
    return mark_safe('<span title="{}" class="{}"></span>'.format(tooltip, icon))


def since(seconds, label):
    # Numbers cannot carry markup; the helper's output is the helper's business.
    return mark_safe('<span data-seconds="%d">%s</span>' % (seconds, humanize(label)))


def select(options_html, value):
    output = [format_html("<select name={}>", value)]
    output.append(render_options(options_html))
    output.append("</select>")
    return mark_safe("\n".join(output))


def attachment_cell(request, attachment):
    return mark_safe(get_attachment_link(request, attachment))


def status_badge(port):
    if port["admin_state_up"]:
        badge = port["status"]
    # Overrides the branch above on every path to the call.
    badge = escape(port["status"])
    return mark_safe(badge)


def separators():
    html = ""
    for sep in ("|", "/"):
        html += "<span>%s</span>" % sep
    return mark_safe(html)


@mark_safe
def separator():
    # Only literals are returned.
    return "<hr/>"


@safe_html
def flavor_cell(flavor):
    # format_html escapes the values it inserts.
    return format_html("<td>{}</td>", flavor.name)


@mark_safe
def status_icon(instance):
    if instance.locked:
        return '<i class="lock"></i>'
    return escape(instance.status)


def render_title(title):
    # A decorator of another name returns what it likes.
    return title.upper()


@render_title
def volume_title(volume):
    return "<h2>%s</h2>" % volume.name
