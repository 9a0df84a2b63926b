def chassis_of(row):
    assert row is not None  # nosec
    assert row is not None  # nosec B101
    assert row is not None  # noqa: S101
    assert row is not None  # security-review: ignore[PY405]
    assert row is not None  # nosec B110  # expect: PY405:5
