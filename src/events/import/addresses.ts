import { BlockList, isIPv4, isIPv6 } from "node:net";

// Which hosts and addresses the website fetcher may reach. Pure functions, no network.

const NON_PUBLIC_V4: [string, number][] = [
  ["0.0.0.0", 8], // "this network", includes the unspecified address
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, includes cloud metadata services
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, includes broadcast
];

const NON_PUBLIC_V6: [string, number][] = [
  ["::", 96], // unspecified, loopback and the old IPv4-compatible form
  ["100::", 64], // discard
  ["2001::", 32], // Teredo tunnels
  ["2001:db8::", 32], // documentation
  ["fc00::", 7], // unique-local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // old site-local
  ["ff00::", 8], // multicast
];

const nonPublic = new BlockList();
for (const [network, prefix] of NON_PUBLIC_V4) nonPublic.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of NON_PUBLIC_V6) nonPublic.addSubnet(network, prefix, "ipv6");

const loopback = new BlockList();
loopback.addSubnet("127.0.0.0", 8, "ipv4");
loopback.addAddress("::1", "ipv6");

/** An address outside the public internet: private, loopback, link-local, CGNAT, multicast, … */
export function isNonPublicAddress(address: string): boolean {
  const target = effectiveAddress(address);
  if (!target) return true; // not an address we understand: refuse
  return nonPublic.check(target.address, target.family);
}

export function isLoopbackAddress(address: string): boolean {
  const target = effectiveAddress(address);
  return target !== undefined && loopback.check(target.address, target.family);
}

interface Target {
  address: string;
  family: "ipv4" | "ipv6";
}

/** IPv6 forms that carry an IPv4 address (mapped, NAT64, 6to4) are judged by that IPv4 address. */
function effectiveAddress(address: string): Target | undefined {
  if (isIPv4(address)) return { address, family: "ipv4" };
  if (!isIPv6(address)) return undefined;
  const groups = expandIPv6(address);
  const embedded = embeddedIPv4(groups);
  if (embedded) return { address: embedded, family: "ipv4" };
  return { address, family: "ipv6" };
}

function embeddedIPv4(groups: number[]): string | undefined {
  const prefix = (count: number) => groups.slice(0, count);
  const isZero = (values: number[]) => values.every((value) => value === 0);
  const fromGroups = (high: number, low: number) => `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
  const [g0, g1, g2, , , , g6, g7] = groups as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (isZero(prefix(5)) && groups[5] === 0xffff) return fromGroups(g6, g7); // ::ffff:a.b.c.d
  if (g0 === 0x64 && g1 === 0xff9b && isZero(groups.slice(2, 6))) return fromGroups(g6, g7); // NAT64
  if (g0 === 0x2002) return fromGroups(g1, g2); // 6to4
  return undefined;
}

/** The eight 16-bit groups of a valid IPv6 address (dotted IPv4 tails included). */
function expandIPv6(address: string): number[] {
  let text = address.split("%")[0] ?? address;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const [a, b, c, d] = dotted[1].split(".").map(Number) as [number, number, number, number];
    text = `${text.slice(0, -dotted[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const parse = (part: string) =>
    part === "" ? [] : part.split(":").map((group) => Number.parseInt(group, 16));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...new Array(8 - left.length - right.length).fill(0), ...right];
}

/**
 * Whether a URL's host and port are on the allow-list. `name` and `*.domain` (subdomains only) match
 * the scheme's default port; `name:port` only that port.
 */
export function isAllowedHost(url: URL, patterns: readonly string[]): boolean {
  const host = url.hostname.toLowerCase();
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  return patterns.some((pattern) => {
    const match = /^(.*?)(?::(\d+))?$/.exec(pattern);
    const name = match?.[1] ?? "";
    const wantedPort = match?.[2] ?? (url.protocol === "https:" ? "443" : "80");
    if (wantedPort !== port) return false;
    if (name.startsWith("*.")) return host.endsWith(name.slice(1));
    return host === name;
  });
}
