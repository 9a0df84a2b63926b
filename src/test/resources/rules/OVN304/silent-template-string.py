# A template string (Python 3.14) is not SQL text: the driver or query builder that takes it sees
# each interpolated value apart and binds it as a parameter.


def find_port(cursor, name):
    cursor.execute(t"SELECT id FROM ports WHERE name = {name}")
    return cursor.fetchone()


def delete_ports(session, network_id):
    query = t"DELETE FROM ports WHERE network_id = {network_id}"
    session.execute(query)
