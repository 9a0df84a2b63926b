package com.googlesource.gerrit.plugins.securityreview.python.semantic;

/** The OVSDB database an ovsdbapp object talks to. */
public enum OvsdbDatabase {
  /** OVN Northbound. */
  NB,
  /** OVN Southbound. */
  SB,
  /** The local Open vSwitch database. */
  OVS,
  UNKNOWN
}
