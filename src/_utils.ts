// Port of the parts of starlette/_utils.py that are needed.
import { isIPv6 } from "node:net";
import type { ASGIApp, ASGIClass, Scope } from "./types.js";

/** The path below the app's root_path: what routes match against. */
export function getRoutePath(scope: Scope): string {
  const path = scope.path as string;
  const rootPath = scope.root_path;
  if (!rootPath || !path.startsWith(rootPath)) return path;
  if (path === rootPath) return "";
  if (path[rootPath.length] === "/") return path.slice(rootPath.length);
  return path;
}

/**
 * What a send returns when its message has already been taken: a caller that
 * sees this very promise may go on at once instead of a microtask later. Each
 * request passes through several sends, so the ticks add up.
 */
export const RESOLVED: Promise<void> = Promise.resolve();

// Text to UTF-8 bytes the way that is fastest where this runs: node's Buffer.from (its TextEncoder
// takes ten times as long for short text), the Web TextEncoder elsewhere (native on Bun and Deno,
// four times Buffer.from's speed on Bun). Every response body made from text goes through here.
const UTF8_ENCODER = new TextEncoder();
const versions = (globalThis.process as { versions?: Record<string, string | undefined> } | undefined)?.versions;
const ON_NODE = versions?.node !== undefined && versions.bun === undefined && versions.deno === undefined;
/* c8 ignore next -- the Web encoder runs on Bun and Deno (tests/fetch), outside this process's coverage */
export const encodeUtf8: (text: string) => Uint8Array = ON_NODE ? (text) => Buffer.from(text, "utf8") : (text) => UTF8_ENCODER.encode(text);

// _utils._HOST_RE: no character that would make the Host header change the URL's path or authority.
// Spelled out in both cases rather than with the i flag: Python's (?-i:v) keeps the "v" lower-case.
const HOST_RE =
  /^(?<host>[a-zA-Z0-9._~%!$&'()*+,;=-]+|\[(?:(?<ipv6>[a-fA-F0-9]*:[a-fA-F0-9.:]+)|v[a-fA-F0-9]+\.[a-zA-Z0-9._~!$&'()*+,;=:-]+)\])(?::(?<port>[0-9]+))?$/;

/** A Host header split as _utils.parse_host_header splits it. */
export interface ParsedHost {
  /** With the brackets of an IP literal, in the header's own case. */
  host: string;
  port: string | null;
}

/** ParsedHost.is_valid_port: no port, or one of at most 5 digits (leading zeros aside) up to 65535. */
export function isValidPort(parsed: ParsedHost): boolean {
  if (parsed.port === null) return true;
  const port = parsed.port.replace(/^0+/, "");
  return port.length <= 5 && Number(port || "0") <= 65535;
}

/** starlette._utils.parse_host_header: null for a missing or malformed Host header. */
export function parseHostHeader(hostHeader: string | null): ParsedHost | null {
  if (hostHeader === null) return null;
  const m = HOST_RE.exec(hostHeader);
  if (m === null) return null;
  const { host, ipv6, port } = m.groups as { host: string; ipv6?: string; port?: string };
  // node:net agrees with Python's ipaddress.IPv6Address on every string this pattern lets through.
  if (ipv6 !== undefined && !isIPv6(ipv6)) return null;
  return { host, port: port ?? null };
}


/** inspect.isclass for a function: an ES class, which only `new` can call. */
export function isClass(fn: unknown): fn is abstract new (...args: never[]) => unknown {
  return typeof fn === "function" && /^class[\s{]/.test(Function.prototype.toString.call(fn));
}

/** An endpoint class as an ASGI app: a new instance per connection, then its dispatch(). */
export function classApp(cls: ASGIClass): ASGIApp {
  if (typeof cls.prototype?.dispatch !== "function") {
    throw new TypeError(`${cls.name || "An anonymous class"} is used as an endpoint but has no dispatch() method: extend HTTPEndpoint or WebSocketEndpoint`);
  }
  return (scope, receive, send) => new cls(scope, receive, send).dispatch();
}
