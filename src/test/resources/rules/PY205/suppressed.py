from oslo_config import cfg

opts = [
    cfg.StrOpt('a_password'),  # security-review: ignore[PY205]
    cfg.StrOpt('b_password'),  # nosec PY205
    cfg.StrOpt('c_password'),  # nosec
    cfg.StrOpt('d_password'),  # noqa: S105  # expect: PY205:16
]
