def teardown(ovs_idl, sb_idl, port, chassis):
    ovs_idl.del_port(port).execute()  # nosec
    ovs_idl.del_port(port).execute()  # noqa: OVN303
    sb_idl.chassis_del(chassis).execute()  # security-review: ignore[OVN303]
    sb_idl.chassis_del(chassis).execute()  # security-review: ignore[OVN301]  # expect: OVN303:5
