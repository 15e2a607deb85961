// Port of uvicorn/middleware/proxy_headers.py (0.54), with the parts of Python's
// ipaddress it relies on: for a peer that is a trusted proxy, X-Forwarded-Proto
// sets the scheme and X-Forwarded-For the client (the rightmost address that is
// not itself a trusted proxy).
import type { Scope } from "./types.js";

/** An address as ipaddress parses it: version, value, and an IPv6 scope ("%eth0"). */
interface IPAddress {
  version: 4 | 6;
  value: bigint;
  scope: string | null;
}

interface IPNetwork {
  version: 4 | 6;
  network: bigint;
  mask: bigint;
}

// IPv4Address._ip_int_from_string: four decimal octets, no leading zeros, each at most 255.
function parseIPv4(text: string): bigint | null {
  const octets = text.split(".");
  if (octets.length !== 4) return null;
  let value = 0n;
  for (const octet of octets) {
    if (!/^[0-9]{1,3}$/.test(octet) || (octet !== "0" && octet[0] === "0") || Number(octet) > 255) return null;
    value = (value << 8n) | BigInt(octet);
  }
  return value;
}

// IPv6Address._ip_int_from_string: hextets, one "::" at most, an IPv4 tail allowed.
function parseIPv6(text: string): bigint | null {
  if (text === "") return null;
  const parts = text.split(":");
  if (parts.length < 3) return null;
  if (parts[parts.length - 1].includes(".")) {
    const v4 = parseIPv4(parts.pop() as string);
    if (v4 === null) return null;
    parts.push(((v4 >> 16n) & 0xffffn).toString(16), (v4 & 0xffffn).toString(16));
  }
  if (parts.length > 9) return null;
  let skip: number | null = null;
  for (let i = 1; i < parts.length - 1; i++) {
    if (parts[i] !== "") continue;
    if (skip !== null) return null;
    skip = i;
  }
  let hi: number;
  let lo: number;
  let skipped: number;
  if (skip !== null) {
    hi = skip;
    lo = parts.length - skip - 1;
    if (parts[0] === "" && --hi !== 0) return null;
    if (parts[parts.length - 1] === "" && --lo !== 0) return null;
    skipped = 8 - (hi + lo);
    if (skipped < 1) return null;
  } else {
    if (parts.length !== 8 || parts[0] === "" || parts[parts.length - 1] === "") return null;
    [hi, lo, skipped] = [8, 0, 0];
  }
  const hextets = [...parts.slice(0, hi), ...Array<string>(skipped).fill("0"), ...parts.slice(parts.length - lo)];
  let value = 0n;
  for (const hextet of hextets) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(hextet)) return null;
    value = (value << 16n) | BigInt(`0x${hextet}`);
  }
  return value;
}

/** ipaddress.ip_address(text), or null where it raises ValueError. */
export function ipAddress(text: string): IPAddress | null {
  if (text.includes("/")) return null;
  const v4 = parseIPv4(text);
  if (v4 !== null) return { version: 4, value: v4, scope: null };
  const percent = text.indexOf("%");
  const scope = percent < 0 ? null : text.slice(percent + 1);
  if (scope !== null && (scope === "" || scope.includes("%"))) return null;
  const v6 = parseIPv6(percent < 0 ? text : text.slice(0, percent));
  return v6 === null ? null : { version: 6, value: v6, scope };
}

// _prefix_from_ip_int: a mask of ones then zeros, as a prefix length; null for a mixed pattern.
function prefixFromMask(mask: bigint, bits: number): number | null {
  let zeros = 0;
  while (zeros < bits && ((mask >> BigInt(zeros)) & 1n) === 0n) zeros++;
  const prefix = bits - zeros;
  return mask >> BigInt(zeros) === (1n << BigInt(prefix)) - 1n ? prefix : null;
}

/** ipaddress.ip_network(text) (strict: no host bits set), or null where it raises ValueError. */
export function ipNetwork(text: string): IPNetwork | null {
  const pieces = text.split("/");
  if (pieces.length > 2) return null;
  const [address, maskText] = pieces;
  for (const version of [4, 6] as const) {
    const bits = version === 4 ? 32 : 128;
    const parsed = version === 4 ? parseIPv4(address) : ipAddress(address);
    if (parsed === null || (typeof parsed === "object" && parsed.version !== 6)) continue;
    const network = typeof parsed === "bigint" ? parsed : parsed.value;
    let prefix: number | null = bits;
    if (maskText !== undefined) {
      prefix = /^[0-9]+$/.test(maskText) && maskText.length <= 4300 && Number(maskText) <= bits ? Number(maskText) : null;
      if (prefix === null && version === 4) {
        // A netmask (255.255.0.0) or a hostmask (0.0.255.255) in dotted form.
        const dotted = parseIPv4(maskText);
        if (dotted !== null) prefix = prefixFromMask(dotted, 32) ?? prefixFromMask(dotted ^ 0xffffffffn, 32);
      }
    }
    if (prefix === null) continue;
    const mask = ((1n << BigInt(prefix)) - 1n) << BigInt(bits - prefix);
    if ((network & mask) !== network) continue;
    return { version, network, mask };
  }
  return null;
}

const ipKey = (ip: IPAddress): string => `${ip.version}:${ip.value}%${ip.scope ?? ""}`;

/** What uvicorn's --forwarded-allow-ips lists: addresses, networks, and literals (anything else, compared as text). */
export class TrustedHosts {
  readonly alwaysTrust: boolean;
  private readonly literals = new Set<string>();
  private readonly hosts = new Set<string>();
  private readonly networks: IPNetwork[] = [];
  private readonly known = new Map<string, boolean>();

  constructor(trustedHosts: string | readonly string[]) {
    this.alwaysTrust = trustedHosts === "*" || (Array.isArray(trustedHosts) && trustedHosts.length === 1 && trustedHosts[0] === "*");
    if (this.alwaysTrust) return;
    // An entry that parses as neither an address nor a network is a literal, silently, as in uvicorn.
    for (const host of typeof trustedHosts === "string" ? parseRawHosts(trustedHosts) : trustedHosts) {
      if (host.includes("/")) {
        const network = ipNetwork(host);
        if (network !== null) this.networks.push(network);
        else this.literals.add(host);
      } else {
        const ip = ipAddress(host);
        if (ip !== null) this.hosts.add(ipKey(ip));
        else this.literals.add(host);
      }
    }
  }

  /** Whether a peer (or a hop of X-Forwarded-For) is trusted. */
  has(host: string | null | undefined): boolean {
    if (this.alwaysTrust) return true;
    if (!host) return false;
    // Remembered, as uvicorn's lru_cache does, up to a bound; hosts longer than a DNS name are not.
    if (host.length > 253) return this.computeTrust(host);
    let trusted = this.known.get(host);
    if (trusted === undefined) {
      if (this.known.size >= 4096) this.known.clear();
      trusted = this.computeTrust(host);
      this.known.set(host, trusted);
    }
    return trusted;
  }

  private computeTrust(host: string): boolean {
    const ip = ipAddress(host);
    if (ip === null) return this.literals.has(host);
    return this.hosts.has(ipKey(ip)) || this.networks.some((n) => n.version === ip.version && (ip.value & n.mask) === n.network);
  }

  /** The client's address from X-Forwarded-For: the first untrusted hop from the right. */
  getTrustedClientAddress(xForwardedFor: string): [string, number] {
    const hosts = parseRawHosts(xForwardedFor);
    if (this.alwaysTrust) return parseHostPort(hosts[0]);
    // Each proxy appends to the list, so it is read from the end.
    for (let i = hosts.length - 1; i >= 0; i--) {
      const [host, port] = parseHostPort(hosts[i]);
      if (!this.has(host)) return [host, port];
    }
    // Every hop is trusted: the client is a proxy itself.
    return parseHostPort(hosts[0]);
  }
}

// str.strip() over latin-1 text.
const strip = (text: string): string => text.replace(/^[\t\n\v\f\r\x1c-\x1f \x85\xa0]+|[\t\n\v\f\r\x1c-\x1f \x85\xa0]+$/g, "");

function parseRawHosts(value: string): string[] {
  return value.split(",").map(strip);
}

/** int(text) for a port: Python's whitespace around it, a sign, underscores; null where int() raises. */
function pyPort(text: string): number | null {
  const m = /^[ \t\n\v\f\r\x85\xa0]*([+-]?)([0-9]+(?:_[0-9]+)*)[ \t\n\v\f\r\x85\xa0]*$/.exec(text);
  if (m === null) return null;
  const digits = m[2].replace(/_/g, "");
  // sys.int_info.default_max_str_digits; a number this long is no port (precision past 2**53 is not kept).
  if (digits.length > 4300) return null;
  const n = Number(digits);
  return m[1] === "-" && n !== 0 ? -n : n;
}

/** A forwarded hop as host and port: "1.2.3.4", "1.2.3.4:80", "[::1]:80"; anything odd kept whole with port 0. */
export function parseHostPort(value: string): [string, number] {
  if (value.startsWith("[")) {
    const end = value.indexOf("]");
    if (end === -1) return [value, 0];
    const host = value.slice(1, end);
    const rest = value.slice(end + 1);
    if (rest === "") return [host, 0];
    if (!rest.startsWith(":")) return [value, 0];
    return [host, pyPort(rest.slice(1)) ?? 0];
  }
  const colon = value.indexOf(":");
  if (colon >= 0 && colon === value.lastIndexOf(":")) {
    const port = pyPort(value.slice(colon + 1));
    return port === null ? [value, 0] : [value.slice(0, colon), port];
  }
  return [value, 0];
}

/** What ProxyHeadersMiddleware does to a scope before the app sees it. */
export function applyProxyHeaders(scope: Scope, trusted: TrustedHosts): void {
  let proto: string | null = null;
  const forwardedFor: string[] = [];
  const headers = scope.headers ?? [];
  // Indexed, not destructured: this runs for every request from a trusted peer.
  for (let i = 0; i < headers.length; i++) {
    const name = headers[i][0];
    if (name === "x-forwarded-proto") proto = headers[i][1];
    else if (name === "x-forwarded-for") forwardedFor.push(headers[i][1]);
  }
  // The peer is asked about only when there is something to believe.
  if ((proto === null && forwardedFor.length === 0) || !trusted.has(scope.client?.[0])) return;
  if (proto !== null) {
    const scheme = strip(proto);
    if (scheme === "http" || scheme === "https" || scheme === "ws" || scheme === "wss") {
      scope.scheme = scope.type === "websocket" ? scheme.replace("http", "ws") : scheme;
    }
  }
  if (forwardedFor.length > 0) {
    const [host, port] = trusted.getTrustedClientAddress(forwardedFor.join(", "));
    // An empty X-Forwarded-For gives no host: the peer stays the client.
    if (host) scope.client = [host, port];
  }
}
