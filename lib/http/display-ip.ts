// Client addresses as people read them: an IPv4 client reached over an IPv6 socket arrives as
// "::ffff:127.0.0.1" (IPv4-mapped) and is shown as plain IPv4. Safe in the browser (ipaddr.js is pure JS).
import ipaddr from "ipaddr.js";

export function displayIp(address: string | null | undefined): string | null {
  if (!address) return null;
  if (!ipaddr.isValid(address)) return address;
  const ip = ipaddr.parse(address);
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress()) return (ip as ipaddr.IPv6).toIPv4Address().toString();
  return ip.toString();
}
