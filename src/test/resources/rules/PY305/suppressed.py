import urllib.request


def a(url):
    return urllib.request.urlopen(url)  # nosec


def b(url):
    return urllib.request.urlopen(url)  # nosec B310


def c(url):
    return urllib.request.urlopen(url)  # noqa: S310


def d(url):
    return urllib.request.urlopen(url)  # security-review: ignore[PY305]


def e(url):
    return urllib.request.urlopen(url)  # noqa: S113  # expect: PY305:12


def opened_later(url):
    # The suppression on the urlopen covers the request it opens.
    req = urllib.request.Request(url)
    return urllib.request.urlopen(req, timeout=10)  # nosec B310


def closing_line(url):
    return urllib.request.urlopen(
        url,
        timeout=10)  # nosec
