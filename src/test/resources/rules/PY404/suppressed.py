def update_port(context, port, original):
    assert port["tenant_id"] == original["tenant_id"]  # nosec
    assert port["tenant_id"] == original["tenant_id"]  # nosec B101
    assert port["tenant_id"] == original["tenant_id"]  # noqa: S101
    assert port["tenant_id"] == original["tenant_id"]  # security-review: ignore[PY404]
    assert port["tenant_id"] == original["tenant_id"]  # noqa: S105  # expect: PY404:5
