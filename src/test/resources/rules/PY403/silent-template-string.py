# A template string (Python 3.14) whose interpolated values are escaped or constant carries no
# unescaped data into the marked text.
from django.utils.html import escape
from django.utils.safestring import mark_safe

ICON = "<i class='icon'></i>"


def network_link(network):
    return mark_safe(t"<a>{escape(network.name)}</a>")


def status_icon():
    return mark_safe(t"<span>{ICON}</span>")
