def reset(row):
    row.options = {}
    row.verify('options')  # noqa: OVN305
    row.external_ids = {}
    row.verify('external_ids')  # security-review: ignore[OVN301]  # expect: OVN305:5
