from neutron.plugins.ml2.drivers.ovn.mech_driver.ovsdb import impl_idl_ovn


class NorthdSync:
    def __init__(self, conn):
        self.northd = impl_idl_ovn.OvsdbNbOvnIdl(conn)

    def drop_switch(self, name):
        self.northd.ls_del(name, if_exists=True).execute(check_error=True)


class Jobs:
    def ls_del(self, name):
        return Job(name)


class Job:
    def __init__(self, name):
        self.name = name

    def execute(self):
        return self.name


class NorthdJobs:
    # The same attribute names, holding a dict and objects of this file: no OVSDB API,
    # whatever the name says.
    def __init__(self):
        self.northd = Jobs()
        self.southd = {}
        self._nb_idl = Jobs()

    def drop_switch(self, name):
        self.northd.ls_del(name).execute()
        self._nb_idl.ls_del(name).execute()

    def drop_chassis(self, name):
        self.southd.chassis_del(name).execute()
