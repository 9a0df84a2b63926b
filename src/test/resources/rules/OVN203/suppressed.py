import requests


def one(url):
    return requests.get(url)  # nosec


def two(url):
    return requests.get(url)  # nosec B113


def three(url):
    return requests.get(url)  # noqa: S113


def four(url):
    return requests.get(url)  # security-review: ignore[OVN203]


def five(url):
    return requests.get(url)  # noqa: S310  # expect: OVN203:12
