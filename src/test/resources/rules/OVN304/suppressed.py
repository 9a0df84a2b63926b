import sqlalchemy as sa


def ports_of(session, network_id):
    session.execute(sa.text("SELECT id FROM ports WHERE network_id = '%s'" % network_id))  # nosec
    session.execute(sa.text("SELECT id FROM ports WHERE network_id = '%s'" % network_id))  # nosec B608
    session.execute(sa.text("SELECT id FROM ports WHERE network_id = '%s'" % network_id))  # noqa: S608
    session.execute(sa.text("SELECT id FROM ports WHERE network_id = '%s'" % network_id))  # security-review: ignore[OVN304]
    session.execute(sa.text("SELECT id FROM ports WHERE network_id = '%s'" % network_id))  # noqa: S101  # expect: OVN304:21
