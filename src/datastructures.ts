// Port of starlette/datastructures.py (1.x): URL, Address, the multi-dicts,
// Headers, MutableHeaders, UploadFile, FormData and State.
import { isValidPort, parseHostHeader } from "./_utils.js";
import type { HeaderList, Scope } from "./types.js";

export class Address {
  constructor(readonly host: string, readonly port: number) {}
  toString(): string {
    return `Address(host='${this.host}', port=${this.port})`;
  }
}

// Python's urllib.parse.urlsplit, enough of it for absolute and relative URLs.
const SPLIT_RE = /^(?:([A-Za-z][A-Za-z0-9+.-]*):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s;
const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443, ws: 80, wss: 443 };

export interface URLComponents {
  scheme: string;
  netloc: string;
  path: string;
  query: string;
  fragment: string;
}

function urlUnsplit(c: URLComponents): string {
  let url = c.path;
  if (c.netloc || (c.scheme && url.startsWith("//"))) {
    if (url && !url.startsWith("/")) url = "/" + url;
    url = "//" + c.netloc + url;
  }
  if (c.scheme) url = c.scheme + ":" + url;
  if (c.query) url += "?" + c.query;
  if (c.fragment) url += "#" + c.fragment;
  return url;
}

export interface URLReplace extends Partial<URLComponents> {
  username?: string | null;
  password?: string | null;
  hostname?: string | null;
  port?: number | null;
}

export class URL {
  private readonly url: string;
  private parts: URLComponents | undefined;

  constructor(url = "") {
    this.url = url;
  }

  /** The URL a request was made to, rebuilt from its scope as Starlette does. */
  static fromScope(scope: Scope): URL {
    const scheme = scope.scheme ?? "http";
    const path = scope.path ?? "";
    const query = scope.query_string ?? "";
    let host: string | undefined;
    for (const [key, value] of scope.headers ?? []) {
      if (key === "host") {
        host = value;
        break;
      }
    }
    let netloc: string | undefined;
    const parsed = parseHostHeader(host ?? null);
    if (parsed !== null && isValidPort(parsed)) {
      netloc = parsed.port === null ? parsed.host : `${parsed.host}:${parsed.port}`;
    } else if (scope.server) {
      const [server, port] = scope.server;
      const name = server.includes(":") && !server.startsWith("[") ? `[${server}]` : server;
      netloc = port === DEFAULT_PORTS[scheme] ? name : `${name}:${port}`;
    }
    if (netloc === undefined) return new URL(query ? `${path}?${query}` : path);
    return new URL(urlUnsplit({ scheme, netloc, path, query: decodeUtf8Latin1(query), fragment: "" }));
  }

  get components(): URLComponents {
    if (this.parts === undefined) {
      const m = SPLIT_RE.exec(this.url) as RegExpExecArray; // the pattern matches any string
      this.parts = { scheme: (m[1] ?? "").toLowerCase(), netloc: m[2] ?? "", path: m[3], query: m[4] ?? "", fragment: m[5] ?? "" };
    }
    return this.parts;
  }
  get scheme(): string { return this.components.scheme; }
  get netloc(): string { return this.components.netloc; }
  get path(): string { return this.components.path; }
  get query(): string { return this.components.query; }
  get fragment(): string { return this.components.fragment; }
  get username(): string | null {
    const at = this.netloc.lastIndexOf("@");
    if (at < 0) return null;
    const info = this.netloc.slice(0, at);
    const colon = info.indexOf(":");
    return colon < 0 ? info : info.slice(0, colon);
  }
  get password(): string | null {
    const at = this.netloc.lastIndexOf("@");
    if (at < 0) return null;
    const info = this.netloc.slice(0, at);
    const colon = info.indexOf(":");
    return colon < 0 ? null : info.slice(colon + 1);
  }
  private get hostport(): [string, string | null] {
    const hp = this.netloc.slice(this.netloc.lastIndexOf("@") + 1);
    const m = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(hp) as RegExpExecArray;
    return [m[1], m[2] ?? null];
  }
  get hostname(): string | null {
    const host = this.hostport[0];
    if (!host) return null;
    return (host.startsWith("[") ? host.slice(1, -1) : host).toLowerCase();
  }
  get port(): number | null {
    const port = this.hostport[1];
    if (!port || !/^[0-9]+$/.test(port)) return null;
    return Number(port);
  }
  get isSecure(): boolean {
    return this.scheme === "https" || this.scheme === "wss";
  }

  replace(changes: URLReplace): URL {
    const { username, password, hostname, port, ...rest } = changes;
    const next: URLComponents = { ...this.components, ...rest };
    if ("username" in changes || "password" in changes || "hostname" in changes || "port" in changes) {
      let host = hostname ?? this.hostport[0];
      const p = "port" in changes ? port : this.port;
      const user = "username" in changes ? username : this.username;
      const pass = "password" in changes ? password : this.password;
      if (p !== null && p !== undefined) host += `:${p}`;
      if (user !== null && user !== undefined) host = `${user}${pass !== null && pass !== undefined ? ":" + pass : ""}@${host}`;
      next.netloc = host;
    }
    return new URL(urlUnsplit(next));
  }

  includeQueryParams(params: Record<string, unknown>): URL {
    const multi = new MultiDict(parseQsl(this.query));
    for (const [key, value] of Object.entries(params)) multi.set(key, String(value));
    return this.replace({ query: urlencode(multi.multiItems()) });
  }

  replaceQueryParams(params: Record<string, unknown>): URL {
    return this.replace({ query: urlencode(Object.entries(params).map(([k, v]) => [k, String(v)])) });
  }

  removeQueryParams(keys: string | string[]): URL {
    const multi = new MultiDict(parseQsl(this.query));
    for (const key of typeof keys === "string" ? [keys] : keys) multi.delete(key);
    return this.replace({ query: urlencode(multi.multiItems()) });
  }

  equals(other: URL | string): boolean {
    return this.url === String(other);
  }
  toString(): string {
    return this.url;
  }
  toJSON(): string {
    return this.url;
  }
}

/** The protocol a route serves, which picks the scheme of an absolute URL to it. */
export type URLProtocol = "http" | "websocket" | "";

const PROTOCOL_SCHEMES: Record<"http" | "websocket", [plain: string, secure: string]> = { http: ["http", "https"], websocket: ["ws", "wss"] };

/**
 * A path found by `resolveUrlPath`, with its route's protocol (and host): Starlette's URLPath,
 * which `urlPathFor` gives as plain text. `makeAbsoluteUrl` picks ws/wss for a websocket route.
 */
export class URLPath {
  constructor(
    readonly path: string,
    readonly protocol: URLProtocol = "",
    readonly host = "",
  ) {}

  makeAbsoluteUrl(baseUrl: string | URL): URL {
    const base = typeof baseUrl === "string" ? new URL(baseUrl) : baseUrl;
    const scheme = this.protocol ? PROTOCOL_SCHEMES[this.protocol][base.isSecure ? 1 : 0] : base.scheme;
    const netloc = this.host || base.netloc;
    return new URL().replace({ scheme, netloc, path: base.path.replace(/\/+$/, "") + this.path });
  }

  toString(): string {
    return this.path;
  }
}

// The query string is latin-1 bytes; Python's bytes.decode() reads it as UTF-8.
function decodeUtf8Latin1(s: string): string {
  // eslint-disable-next-line no-control-regex
  return /[^\x00-\x7f]/.test(s) ? Buffer.from(s, "latin1").toString("utf8") : s;
}

// ---------------------------------------------------------------- query strings

const PCT_RUN = /(?:%[0-9A-Fa-f]{2})+/g;

/** Python's urllib.parse.unquote: percent escapes decode as UTF-8 (bad bytes become U+FFFD). */
export function unquote(s: string): string {
  if (!s.includes("%")) return s;
  return s.replace(PCT_RUN, (run) => Buffer.from(run.replace(/%/g, ""), "hex").toString("utf8"));
}

/** Python's parse_qsl(qs, keep_blank_values=True). */
export function parseQsl(qs: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  // Most query strings have neither: their names and values are the slices themselves.
  const plain = !qs.includes("%") && !qs.includes("+");
  const end = qs.length;
  for (let start = 0; start < end; ) {
    let amp = qs.indexOf("&", start);
    if (amp < 0) amp = end;
    if (amp > start) {
      const eq = qs.indexOf("=", start);
      const name = eq < 0 || eq > amp ? qs.slice(start, amp) : qs.slice(start, eq);
      const value = eq < 0 || eq > amp ? "" : qs.slice(eq + 1, amp);
      out.push(plain ? [name, value] : [unquote(plusToSpace(name)), unquote(plusToSpace(value))]);
    }
    start = amp + 1;
  }
  return out;
}

// Most names and values have no "+": skip the replace, as unquote skips what has no "%".
function plusToSpace(s: string): string {
  return s.includes("+") ? s.replace(/\+/g, " ") : s;
}

const QUOTE_PLUS_SAFE = /[^A-Za-z0-9_.\-~ ]/gu;

/** Python's quote_plus. */
export function quotePlus(s: string): string {
  return s
    .replace(QUOTE_PLUS_SAFE, (ch) => Array.from(Buffer.from(ch, "utf8"), (b) => "%" + b.toString(16).toUpperCase().padStart(2, "0")).join(""))
    .replace(/ /g, "+");
}

/** Python's urlencode over a list of pairs. */
export function urlencode(pairs: Iterable<readonly [string, string]>): string {
  const parts: string[] = [];
  for (const [k, v] of pairs) parts.push(`${quotePlus(k)}=${quotePlus(v)}`);
  return parts.join("&");
}

// ---------------------------------------------------------------- multi-dicts

// Lists up to this long are searched in place rather than through the Map: a request's query
// has a few parameters, and building a Map for them costs more than the lookups it saves.
const SCAN_LIMIT = 8;

/** A read-only multi-dict: single lookups give the last value for a key, as in Starlette. */
export class ImmutableMultiDict<V = string> {
  protected list: Array<[string, V]>;
  private map: Map<string, V> | null = null;

  constructor(items?: Iterable<readonly [string, V]> | Record<string, V>) {
    this.list =
      items === undefined
        ? []
        : Symbol.iterator in items
        ? Array.from(items as Iterable<readonly [string, V]>, ([k, v]) => [k, v] as [string, V])
        : Object.entries(items as Record<string, V>);
  }

  /** Python's `_dict`: each key once, in the order of its first appearance, with its last value. Made when first needed. */
  protected get dict(): Map<string, V> {
    return (this.map ??= new Map(this.list));
  }

  /** The index of the key's last pair, or -1 (a short list with no Map made yet); null: ask the Map. */
  private scan(key: string): number | null {
    const list = this.list;
    if (this.map !== null || list.length > SCAN_LIMIT) return null;
    for (let i = list.length - 1; i >= 0; i--) if (list[i][0] === key) return i;
    return -1;
  }

  get(key: string): V | null;
  get<D>(key: string, defaultValue: D): V | D;
  get<D>(key: string, defaultValue: D | null = null): V | D | null {
    const i = this.scan(key);
    if (i !== null) return i < 0 ? defaultValue : this.list[i][1];
    const dict = this.dict;
    return dict.has(key) ? (dict.get(key) as V) : defaultValue;
  }
  getlist(key: string): V[] {
    return this.list.filter(([k]) => k === key).map(([, v]) => v);
  }
  has(key: string): boolean {
    const i = this.scan(key);
    return i !== null ? i >= 0 : this.dict.has(key);
  }
  keys(): string[] {
    return [...this.dict.keys()];
  }
  values(): V[] {
    return [...this.dict.values()];
  }
  items(): Array<[string, V]> {
    return [...this.dict.entries()];
  }
  multiItems(): Array<[string, V]> {
    return this.list.map(([k, v]) => [k, v]);
  }
  get size(): number {
    return this.dict.size;
  }
  [Symbol.iterator](): IterableIterator<string> {
    return this.dict.keys();
  }
  /** A plain object of the single values (the last value for each key). */
  toJSON(): Record<string, V> {
    const out: Record<string, V> = Object.create(null) as Record<string, V>;
    for (const [k, v] of this.dict) out[k] = v;
    return out;
  }
}

// Each change reads the Map first, so that it is made from the list before the change: a key
// set again keeps its first place among the keys, as in Python's dict.
export class MultiDict<V = string> extends ImmutableMultiDict<V> {
  set(key: string, value: V): void {
    const dict = this.dict;
    this.list = this.list.filter(([k]) => k !== key);
    this.list.push([key, value]);
    dict.set(key, value);
  }
  delete(key: string): void {
    const dict = this.dict;
    this.list = this.list.filter(([k]) => k !== key);
    dict.delete(key);
  }
  append(key: string, value: V): void {
    const dict = this.dict;
    this.list.push([key, value]);
    dict.set(key, value);
  }
  setlist(key: string, values: V[]): void {
    this.delete(key);
    for (const v of values) this.append(key, v);
  }
}

/** Query parameters parsed from a query string (or given as pairs or an object). */
export class QueryParams extends ImmutableMultiDict<string> {
  constructor(query: string | Iterable<readonly [string, string]> | Record<string, string> = "") {
    if (typeof query !== "string") {
      super(query);
      return;
    }
    super();
    // The pairs parseQsl made are this dict's own: no copy (every request with a query makes one).
    this.list = parseQsl(decodeUtf8Latin1(query));
  }
  override toString(): string {
    return urlencode(this.list);
  }
}

// ---------------------------------------------------------------- uploads and forms

export class UploadFile {
  readonly filename: string | null;
  readonly headers: Headers;
  private data: Uint8Array;

  constructor(data: Uint8Array, options: { filename?: string | null; headers?: Headers } = {}) {
    this.data = data;
    this.filename = options.filename ?? null;
    this.headers = options.headers ?? new Headers();
  }
  get contentType(): string | null {
    return this.headers.get("content-type");
  }
  get size(): number {
    return this.data.byteLength;
  }
  async read(): Promise<Uint8Array> {
    return this.data;
  }
  async text(): Promise<string> {
    return Buffer.from(this.data.buffer, this.data.byteOffset, this.data.byteLength).toString("utf8");
  }
}

export class FormData extends ImmutableMultiDict<string | UploadFile> {}

// ---------------------------------------------------------------- headers

/** An immutable, case-insensitive multi-dict over an ASGI header list. */
export class Headers {
  protected list: HeaderList;

  constructor(init?: { headers?: Record<string, string>; raw?: HeaderList; scope?: { headers?: HeaderList } }) {
    if (init?.headers) {
      this.list = Object.entries(init.headers).map(([k, v]) => [k.toLowerCase(), v]);
    } else if (init?.raw) {
      this.list = init.raw;
    } else if (init?.scope) {
      this.list = init.scope.headers ?? [];
    } else {
      this.list = [];
    }
  }

  get raw(): HeaderList {
    return this.list;
  }
  keys(): string[] {
    return this.list.map(([k]) => k);
  }
  values(): string[] {
    return this.list.map(([, v]) => v);
  }
  items(): Array<[string, string]> {
    return this.list.map(([k, v]) => [k, v]);
  }
  get(key: string): string | null;
  get<D>(key: string, defaultValue: D): string | D;
  get<D>(key: string, defaultValue: D | null = null): string | D | null {
    const name = key.toLowerCase();
    for (const [k, v] of this.list) if (k === name) return v;
    return defaultValue;
  }
  getlist(key: string): string[] {
    const name = key.toLowerCase();
    const out: string[] = [];
    for (const [k, v] of this.list) if (k === name) out.push(v);
    return out;
  }
  has(key: string): boolean {
    return this.get(key) !== null;
  }
  get length(): number {
    return this.list.length;
  }
  mutablecopy(): MutableHeaders {
    return new MutableHeaders({ raw: this.list.map(([k, v]) => [k, v]) });
  }
  [Symbol.iterator](): IterableIterator<string> {
    return this.keys()[Symbol.iterator]();
  }
  toString(): string {
    return `Headers(raw=${JSON.stringify(this.list)})`;
  }
}

// CR, LF and NUL would split or end a header line on the wire.
const BAD_HEADER_VALUE = /[\r\n\0]/;

function checkHeader(name: string, value: string): void {
  if (BAD_HEADER_VALUE.test(value) || BAD_HEADER_VALUE.test(name)) {
    throw new TypeError(`Invalid header ${JSON.stringify(name)}: header names and values must not contain CR, LF or NUL`);
  }
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\xff]/.test(value)) {
    throw new TypeError(`Invalid header ${JSON.stringify(name)}: the value must be latin-1 (encode other text first)`);
  }
}

export class MutableHeaders extends Headers {
  /** Over a scope or message, the header list is copied and put back, so the edits are what is sent. */
  constructor(init?: { headers?: Record<string, string>; raw?: HeaderList; scope?: { headers?: HeaderList } }) {
    if (init?.scope) {
      const copy = [...(init.scope.headers ?? [])];
      init.scope.headers = copy;
      super({ raw: copy });
    } else {
      super(init);
    }
  }

  /** Set a header, replacing every existing value for that name (the first keeps its place). */
  set(key: string, value: string): void {
    const name = key.toLowerCase();
    checkHeader(name, value);
    let found = -1;
    for (let i = this.list.length - 1; i >= 0; i--) {
      if (this.list[i][0] === name) {
        if (found >= 0) this.list.splice(found, 1);
        found = i;
      }
    }
    if (found >= 0) this.list[found] = [name, value];
    else this.list.push([name, value]);
  }

  delete(key: string): void {
    const name = key.toLowerCase();
    for (let i = this.list.length - 1; i >= 0; i--) if (this.list[i][0] === name) this.list.splice(i, 1);
  }

  /** Add a header even when one of that name is present (Set-Cookie, Vary). */
  append(key: string, value: string): void {
    const name = key.toLowerCase();
    checkHeader(name, value);
    this.list.push([name, value]);
  }

  setdefault(key: string, value: string): string {
    const existing = this.get(key);
    if (existing !== null) return existing;
    this.append(key, value);
    return value;
  }

  update(other: Record<string, string>): void {
    for (const [k, v] of Object.entries(other)) this.set(k, v);
  }

  addVaryHeader(vary: string): void {
    const existing = this.get("vary");
    this.set("vary", existing !== null ? `${existing}, ${vary}` : vary);
  }
}

// ---------------------------------------------------------------- state

/**
 * Arbitrary per-app or per-request values. Starlette's State is an object with
 * attribute access over a dict; here that dict is the object itself, so
 * `request.state.user = u` works as in Python (a missing key reads as undefined).
 */
export type State = Record<string, unknown>;
