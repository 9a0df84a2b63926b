from oslo_config import cfg

opts = [
    cfg.StrOpt('a_url', default='http://a.example.org'),  # nosec
    cfg.StrOpt('b_url', default='http://b.example.org'),  # security-review: ignore[PY206]
    cfg.StrOpt('c_url', default='http://c.example.org'),  # nosec PY206
    cfg.StrOpt('d_url', default='http://d.example.org'),  # noqa: S113  # expect: PY206:33
]
