import ssl

import requests


def fetch(url):
    requests.get(url, verify=False, timeout=10)  # nosec
    requests.get(url, verify=False, timeout=10)  # nosec B501
    requests.get(url, verify=False, timeout=10)  # noqa: S501
    requests.get(url, verify=False, timeout=10)  # security-review: ignore[OVN404]
    requests.get(
        url, timeout=10, verify=False
    )  # nosec
    return ssl._create_unverified_context()  # noqa: S104  # expect: OVN404:12
