package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;

/**
 * A value that holds an IP address, an IP prefix or a MAC address, by where it came from: a field
 * the Neutron API validates as one ({@code fixed_ips[*]['ip_address']}, {@code subnet['cidr']}, a
 * rule's {@code remote_ip_prefix}), a {@code netaddr} or {@code ipaddress} object, or its text.
 *
 * @param form what it holds
 * @param text whether it is a string (an API field, {@code str()} of an object) rather than a
 *     parsed {@code netaddr}/{@code ipaddress} object
 * @param normalised for a prefix, whether its host bits are known to be clear ({@code .cidr},
 *     {@code ipaddress.ip_network()}, the API's {@code normalized_cidr}); true for other forms
 * @param source the expression that shows what the value is (the read, the constructor call)
 */
public record IpValue(Form form, boolean text, boolean normalised, Ast.Expr source) {
  public enum Form {
    ADDRESS,
    PREFIX,
    /** An address or a prefix: an allowed address pair's {@code ip_address}. */
    ADDRESS_OR_PREFIX,
    MAC
  }

  /** An IP address or prefix (not a MAC address). */
  public boolean isIp() {
    return form != Form.MAC;
  }

  IpValue asText(Ast.Expr at) {
    return new IpValue(form, true, normalised, at);
  }
}
