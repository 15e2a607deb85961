// Port of starlette/testclient.py: drives an ASGI app in-process, no sockets,
// with httpx's conveniences (json/data/files/content bodies, params, a cookie
// jar, redirects) and `with TestClient(app):` lifespan handling as enter()/exit().
import { randomBytes } from "node:crypto";
import { Headers, URL, urlencode, type State } from "./datastructures.js";
import { LifespanDriver } from "./_lifespan.js";
import { guessType } from "./_mimetypes.js";
import { BOOLEAN, checkOptions, STRING, type OptionRule } from "./_options.js";
import type { ASGIApp, ASGIAppLike, HeaderList, Message, Scope } from "./types.js";

export interface TestClientOptions {
  /** @default "http://testserver" */
  baseUrl?: string;
  /** Re-throw the app's errors in the test instead of returning the 500. @default true */
  raiseServerExceptions?: boolean;
  /** @default "" */
  rootPath?: string;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  cookies?: Record<string, string>;
  /** @default true */
  followRedirects?: boolean;
  /** The peer address in `scope.client`. @default ["testclient", 50000] */
  client?: [string, number];
}

export type Params = string | Record<string, string | number | boolean | Array<string | number | boolean>>;

/** A form field's value; as in httpx, true and false are sent as "true" and "false", null as "". */
export type FormValue = string | number | boolean | null;

/** A file's bytes, or a string sent as UTF-8. */
export type FileContent = string | Uint8Array;

/**
 * One file, in httpx's shapes: the content alone (sent as filename "upload"), or
 * [filename, content], [filename, content, contentType] or [filename, content, contentType, headers].
 * A null filename sends none; a null content type is guessed from the filename, as httpx does.
 */
export type FileSpec =
  | FileContent
  | [filename: string | null, content: FileContent]
  | [filename: string | null, content: FileContent, contentType: string | null]
  | [filename: string | null, content: FileContent, contentType: string | null, headers: Record<string, string>];

/**
 * One body is sent, chosen as httpx chooses: `content`, else `files` (with `data`),
 * else a non-empty `data`, else `json`; the others are ignored.
 */
export interface RequestOptions {
  headers?: Record<string, string> | Array<[string, string]>;
  cookies?: Record<string, string>;
  params?: Params;
  /** Sent as compact JSON with content-type application/json. */
  json?: unknown;
  /** A form, sent url-encoded; with `files`, its fields come first in the multipart body. */
  data?: Record<string, FormValue | FormValue[]>;
  /**
   * Files, sent as multipart/form-data: an object of field name to file, or [name, file]
   * pairs (for several files under one name). A content-type header given with
   * `boundary=` sets the boundary; else it is random.
   */
  files?: Record<string, FileSpec> | Array<[string, FileSpec]>;
  content?: string | Uint8Array;
  followRedirects?: boolean;
}

/** One cookie in the client's jar. */
export interface Cookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  /** Expiry in ms since the epoch, or null for a session cookie. */
  expires: number | null;
}

/** The client's cookie jar: stores Set-Cookie, sends matching cookies back. */
export class CookieJar implements Iterable<Cookie> {
  private cookies: Cookie[] = [];

  get(name: string): string | null {
    this.purge();
    return this.cookies.find((c) => c.name === name)?.value ?? null;
  }

  set(name: string, value: string, options: Partial<Omit<Cookie, "name" | "value">> = {}): void {
    const cookie: Cookie = { name, value, domain: "", path: "/", secure: false, httpOnly: false, expires: null, ...options };
    this.cookies = this.cookies.filter((c) => !(c.name === name && c.domain === cookie.domain && c.path === cookie.path));
    this.cookies.push(cookie);
  }

  delete(name: string): void {
    this.cookies = this.cookies.filter((c) => c.name !== name);
  }

  clear(): void {
    this.cookies = [];
  }

  get size(): number {
    this.purge();
    return this.cookies.length;
  }

  [Symbol.iterator](): Iterator<Cookie> {
    this.purge();
    return this.cookies[Symbol.iterator]();
  }

  /** A plain object of name to value. */
  toJSON(): Record<string, string> {
    return Object.fromEntries([...this].map((c) => [c.name, c.value]));
  }

  private purge(): void {
    const now = Date.now();
    this.cookies = this.cookies.filter((c) => c.expires === null || c.expires > now);
  }

  /** Store one Set-Cookie header received for `url`. */
  store(header: string, url: URL): void {
    const [pair, ...attrs] = header.split(";");
    const eq = pair.indexOf("=");
    if (eq < 1) return;
    const name = pair.slice(0, eq).trim();
    // Kept as sent, quotes included, as http.cookiejar keeps it; the server unquotes.
    const value = pair.slice(eq + 1).trim();
    const requestPath = url.path || "/";
    const cookie: Cookie = {
      name,
      value,
      domain: url.hostname ?? "",
      path: requestPath.lastIndexOf("/") > 0 ? requestPath.slice(0, requestPath.lastIndexOf("/")) : "/",
      secure: false,
      httpOnly: false,
      expires: null,
    };
    let maxAge: number | null = null;
    for (const attr of attrs) {
      const i = attr.indexOf("=");
      const key = (i < 0 ? attr : attr.slice(0, i)).trim().toLowerCase();
      const val = i < 0 ? "" : attr.slice(i + 1).trim();
      if (key === "path" && val.startsWith("/")) cookie.path = val;
      else if (key === "domain" && val) cookie.domain = val.replace(/^\./, "").toLowerCase();
      else if (key === "secure") cookie.secure = true;
      else if (key === "httponly") cookie.httpOnly = true;
      else if (key === "max-age" && /^-?[0-9]+$/.test(val)) maxAge = Number(val);
      else if (key === "expires" && !Number.isNaN(Date.parse(val))) cookie.expires = Date.parse(val);
    }
    if (maxAge !== null) cookie.expires = Date.now() + maxAge * 1000;
    this.cookies = this.cookies.filter((c) => !(c.name === name && c.domain === cookie.domain && c.path === cookie.path));
    if (cookie.expires === null || cookie.expires > Date.now()) this.cookies.push(cookie);
  }

  /** The Cookie header for a request to `url`, or null when no cookie applies. */
  headerFor(url: URL): string | null {
    const host = url.hostname ?? "";
    const path = url.path || "/";
    const matching = [...this].filter(
      (c) =>
        (c.domain === "" || host === c.domain || host.endsWith("." + c.domain)) &&
        (path === c.path || path.startsWith(c.path.endsWith("/") ? c.path : c.path + "/")) &&
        (!c.secure || url.isSecure),
    );
    if (matching.length === 0) return null;
    matching.sort((a, b) => b.path.length - a.path.length);
    return matching.map((c) => `${c.name}=${c.value}`).join("; ");
  }
}

/** Response headers: case-insensitive, with getList for repeated ones such as set-cookie. */
export class ResponseHeaders extends Headers {
  getList(key: string): string[] {
    return this.getlist(key);
  }
}

export class TestResponse {
  constructor(
    readonly statusCode: number,
    readonly headers: ResponseHeaders,
    readonly content: Uint8Array,
    readonly url: URL,
    /** The ASGI messages the app sent, in order, for tests that check the wire. */
    readonly messages: Message[],
  ) {}

  get text(): string {
    return Buffer.from(this.content.buffer, this.content.byteOffset, this.content.byteLength).toString("utf8");
  }

  json<T = unknown>(): T {
    return JSON.parse(this.text) as T;
  }

  get isRedirect(): boolean {
    return [301, 302, 303, 307, 308].includes(this.statusCode) && this.headers.has("location");
  }
}

function toApp(app: ASGIAppLike): ASGIApp {
  return typeof app === "function" ? app : (scope, receive, send) => app.call(scope, receive, send);
}

function queryString(params: Params): string {
  if (typeof params === "string") return params;
  const pairs: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(params)) for (const item of Array.isArray(v) ? v : [v]) pairs.push([k, String(item)]);
  return urlencode(pairs);
}

const isStringRecord = (v: unknown): boolean =>
  v !== null && typeof v === "object" && !Array.isArray(v) && Object.values(v).every((item) => typeof item === "string");

const CLIENT_OPTIONS: Record<keyof TestClientOptions, OptionRule> = {
  baseUrl: STRING,
  raiseServerExceptions: BOOLEAN,
  rootPath: STRING,
  headers: [isStringRecord, "an object of header names to string values"],
  cookies: [isStringRecord, "an object of cookie names to string values"],
  followRedirects: BOOLEAN,
  client: [(v) => Array.isArray(v) && v.length === 2 && typeof v[0] === "string" && Number.isInteger(v[1]), "a [host, port] pair"],
};

const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443, ws: 80, wss: 443 };

export class TestClient {
  readonly app: ASGIApp;
  readonly baseUrl: string;
  raiseServerExceptions: boolean;
  readonly rootPath: string;
  readonly headers: Record<string, string>;
  readonly cookies = new CookieJar();
  followRedirects: boolean;
  readonly client: [string, number];
  /** The lifespan state, copied into every request's scope. */
  readonly appState: State = {};
  private life: LifespanDriver | null = null;

  constructor(app: ASGIAppLike, options: TestClientOptions = {}) {
    checkOptions("TestClient", options, CLIENT_OPTIONS);
    this.app = toApp(app);
    this.baseUrl = options.baseUrl ?? "http://testserver";
    this.raiseServerExceptions = options.raiseServerExceptions ?? true;
    this.rootPath = options.rootPath ?? "";
    this.headers = { "user-agent": "testclient", ...options.headers };
    this.followRedirects = options.followRedirects ?? true;
    this.client = options.client ?? ["testclient", 50000];
    for (const [k, v] of Object.entries(options.cookies ?? {})) this.cookies.set(k, v);
  }

  get(path: string, options?: RequestOptions): Promise<TestResponse> {
    return this.request("GET", path, options);
  }
  head(path: string, options?: RequestOptions): Promise<TestResponse> {
    return this.request("HEAD", path, options);
  }
  options(path: string, options?: RequestOptions): Promise<TestResponse> {
    return this.request("OPTIONS", path, options);
  }
  post(path: string, options?: RequestOptions): Promise<TestResponse> {
    return this.request("POST", path, options);
  }
  put(path: string, options?: RequestOptions): Promise<TestResponse> {
    return this.request("PUT", path, options);
  }
  patch(path: string, options?: RequestOptions): Promise<TestResponse> {
    return this.request("PATCH", path, options);
  }
  delete(path: string, options?: RequestOptions): Promise<TestResponse> {
    return this.request("DELETE", path, options);
  }

  async request(method: string, path: string, options: RequestOptions = {}): Promise<TestResponse> {
    let url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(path) ? path : this.baseUrl.replace(/\/$/, "") + (path.startsWith("/") ? path : "/" + path));
    if (options.params !== undefined) {
      const extra = queryString(options.params);
      url = url.replace({ query: url.query && extra ? `${url.query}&${extra}` : url.query || extra });
    }
    let response = await this.send(method.toUpperCase(), url, options);
    let redirects = 0;
    while ((options.followRedirects ?? this.followRedirects) && response.isRedirect && redirects++ < 20) {
      const location = new URL(response.headers.get("location") as string);
      const next = location.scheme ? location : url.replace({ path: location.path, query: location.query, fragment: "" });
      const keepBody = response.statusCode === 307 || response.statusCode === 308;
      const nextMethod = keepBody || method === "HEAD" ? method : "GET";
      url = next;
      response = await this.send(nextMethod, url, keepBody ? options : { headers: options.headers, cookies: options.cookies });
    }
    return response;
  }

  private async send(method: string, url: URL, options: RequestOptions): Promise<TestResponse> {
    const scheme = url.scheme || "http";
    const host = url.hostname ?? "testserver";
    const port = url.port ?? DEFAULT_PORTS[scheme];
    const headers: HeaderList = [["host", port === DEFAULT_PORTS[scheme] ? host : `${host}:${port}`]];
    for (const [k, v] of Object.entries({ accept: "*/*", "accept-encoding": "gzip, deflate", connection: "keep-alive", ...this.headers })) {
      headers.push([k.toLowerCase(), v]);
    }
    const extra = (Array.isArray(options.headers) ? options.headers : Object.entries(options.headers ?? {})).map(([k, v]) => [k.toLowerCase(), v] as [string, string]);
    // A header given for the request replaces the client's of that name; repeats are kept.
    const given = new Set(extra.map(([k]) => k));
    // As in httpx, a content-type already set (by the request, else the client) is kept,
    // and a multipart body takes its boundary from it.
    const typeSet = (given.has("content-type") ? extra : headers).filter(([k]) => k === "content-type").map(([, v]) => v);
    const [body, contentType] = encodeBody(options, typeSet.length ? typeSet.join(", ") : null);
    if (body.byteLength || ["POST", "PUT", "PATCH"].includes(method)) headers.push(["content-length", String(body.byteLength)]);
    if (contentType && !typeSet.length) headers.push(["content-type", contentType]);
    for (let i = headers.length - 1; i >= 0; i--) if (given.has(headers[i][0])) headers.splice(i, 1);
    headers.push(...extra);
    const jarHeader = this.cookies.headerFor(url);
    const requestCookies = options.cookies ? Object.entries(options.cookies).map(([k, v]) => `${k}=${v}`).join("; ") : null;
    const cookie = [jarHeader, requestCookies].filter((c) => c).join("; ");
    if (cookie && !headers.some(([n]) => n === "cookie")) headers.push(["cookie", cookie]);

    const rawPath = url.path || "/";
    const scope: Scope = {
      type: "http",
      asgi: { version: "3.0", spec_version: "2.4" },
      http_version: "1.1",
      method,
      scheme,
      path: decodeURIComponentSafe(rawPath),
      raw_path: rawPath,
      root_path: this.rootPath,
      query_string: Buffer.from(url.query, "utf8").toString("latin1"),
      headers: headers.map(([k, v]) => [k, Buffer.from(v, "utf8").toString("latin1")]),
      client: this.client,
      server: [host, port],
      extensions: { "http.response.debug": {} },
      state: { ...this.appState },
    };

    const messages: Message[] = [];
    let requestComplete = false;
    let responseStarted = false;
    let responseComplete: () => void = () => undefined;
    const completed = new Promise<void>((resolve) => (responseComplete = resolve));
    let status = 500;
    let responseHeaders: HeaderList = [];
    const chunks: Uint8Array[] = [];

    const receive = async (): Promise<Message> => {
      if (requestComplete) {
        await completed;
        return { type: "http.disconnect" };
      }
      requestComplete = true;
      return { type: "http.request", body, more_body: false };
    };
    const sendMessage = async (message: Message): Promise<void> => {
      messages.push(message);
      if (message.type === "http.response.start") {
        if (responseStarted) throw new Error('Expected ASGI message "http.response.body", but got "http.response.start".');
        responseStarted = true;
        status = message.status as number;
        responseHeaders = (message.headers ?? []).map(([k, v]) => [k, v]);
      } else if (message.type === "http.response.body") {
        if (!responseStarted) throw new Error('Expected ASGI message "http.response.start", but got "http.response.body".');
        if (method !== "HEAD" && message.body) chunks.push(message.body);
        if (!message.more_body) responseComplete();
      }
    };

    try {
      await this.app(scope, receive, sendMessage);
    } catch (exc) {
      if (this.raiseServerExceptions) throw exc;
    } finally {
      responseComplete();
    }
    if (this.raiseServerExceptions && !responseStarted) throw new Error("TestClient did not receive any response.");
    if (!responseStarted) {
      status = 500;
      responseHeaders = [];
      chunks.length = 0;
    }
    const response = new TestResponse(
      status,
      new ResponseHeaders({ raw: responseHeaders.map(([k, v]) => [k, Buffer.from(v, "latin1").toString("utf8")]) }),
      chunks.length === 1 ? chunks[0] : Buffer.concat(chunks),
      url,
      messages,
    );
    for (const header of response.headers.getList("set-cookie")) this.cookies.store(header, url);
    return response;
  }

  // ---------------------------------------------------------------- lifespan

  /** Run the app's lifespan startup (Python's `with TestClient(app) as client:`). */
  async enter(): Promise<this> {
    this.life = new LifespanDriver(this.app, this.appState);
    await this.life.startup();
    return this;
  }

  /** Run the lifespan shutdown started by enter(). */
  async exit(): Promise<void> {
    const life = this.life;
    this.life = null;
    await life?.shutdown();
  }

  /** enter(), then `body(client)`, then exit(), even when the body throws. */
  async run<T>(body: (client: this) => Promise<T>): Promise<T> {
    await this.enter();
    try {
      return await body(this);
    } finally {
      await this.exit();
    }
  }
}

function decodeURIComponentSafe(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}


// ---------------------------------------------------------------- request bodies (httpx/_content.py, _multipart.py)

type Form = NonNullable<RequestOptions["data"]>;
type FileTuple = [filename: string | null, content: FileContent, contentType?: string | null, headers?: Record<string, string>];

/** The body and its content type, chosen as httpx's encode_request chooses. */
function encodeBody(options: RequestOptions, contentTypeSet: string | null): [Uint8Array, string | null] {
  const { content, data, files, json } = options;
  if (content !== undefined) return [toBytes(content), null];
  const fileItems = files === undefined ? [] : Array.isArray(files) ? files : Object.entries(files);
  if (fileItems.length) {
    const boundary = multipartBoundary(contentTypeSet) ?? randomBytes(16).toString("hex");
    return [encodeMultipart(data ?? {}, fileItems, boundary), `multipart/form-data; boundary=${boundary}`];
  }
  if (data !== undefined && Object.keys(data).length) return [Buffer.from(urlencode(formFields(data)), "utf8"), "application/x-www-form-urlencoded"];
  if (json !== undefined) return [Buffer.from(JSON.stringify(json), "utf8"), "application/json"];
  return [new Uint8Array(0), null];
}

function toBytes(content: FileContent): Uint8Array {
  return typeof content === "string" ? Buffer.from(content, "utf8") : content;
}

// httpx's primitive_value_to_str.
function formFields(data: Form): Array<[string, string]> {
  return Object.entries(data).flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((item): [string, string] => [name, item === null ? "" : String(item)]));
}

// httpx's get_multipart_boundary_from_content_type: case-sensitive type, quotes stripped.
function multipartBoundary(contentType: string | null): string | null {
  if (!contentType?.startsWith("multipart/form-data")) return null;
  for (const section of contentType.split(";")) {
    const s = section.trim();
    if (s.toLowerCase().startsWith("boundary=")) return s.slice("boundary=".length).replace(/^"+|"+$/g, "");
  }
  return null;
}

// httpx's _format_form_param: the HTML5 form encoding of quotes, backslashes and
// control characters; anything else, non-ASCII included, is sent as raw UTF-8.
function formParam(name: string, value: string): string {
  const escaped = value.replace(/["\\\x00-\x1a\x1c-\x1f]/g, (c) => (c === "\\" ? "\\\\" : `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`));
  return `${name}="${escaped}"`;
}

const CRLF = Buffer.from("\r\n", "latin1");

function encodeMultipart(data: Form, files: Array<[string, FileSpec]>, boundary: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  const part = (disposition: string, content: FileContent): void => {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; ${disposition}\r\n\r\n`, "utf8"), toBytes(content), CRLF);
  };
  for (const [name, value] of formFields(data)) part(formParam("name", name), value);
  for (const [name, spec] of files) {
    const [filename, content, type = null, given = {}]: FileTuple = Array.isArray(spec) ? spec : ["upload", spec];
    const headers = Object.entries(given);
    const contentType = type ?? (filename ? (guessType(filename) ?? "application/octet-stream") : null);
    // httpx looks for "content-type" anywhere in a header name, and then leaves the type out.
    if (contentType !== null && !headers.some(([k]) => k.toLowerCase().includes("content-type"))) headers.push(["Content-Type", contentType]);
    const disposition = formParam("name", name) + (filename ? `; ${formParam("filename", filename)}` : "");
    part(disposition + headers.map(([k, v]) => `\r\n${k}: ${v}`).join(""), content);
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`, "utf8"));
  return Buffer.concat(chunks);
}
