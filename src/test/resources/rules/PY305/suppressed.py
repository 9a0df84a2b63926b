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
