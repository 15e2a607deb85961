// Port of starlette/testclient.py: drives an ASGI app in-process, no sockets,
// with httpx's conveniences (json/data/files/content bodies, params, a cookie
// jar, redirects), `with TestClient(app):` lifespan handling as enter()/exit(),
// and websocket sessions (websocketConnect).
import assert from "node:assert";
import { randomBytes } from "node:crypto";
import { Headers, URL, urlencode, type State } from "./datastructures.js";
import { WebSocketDisconnect } from "./exceptions.js";
import { LifespanDriver } from "./_lifespan.js";
import { guessType } from "./_mimetypes.js";
import { BOOLEAN, checkOptions, STRING, type OptionRule } from "./_options.js";
import { classApp, isClass } from "./_utils.js";
import type { ASGIApp, ASGIAppLike, ASGIClass, HeaderList, Message, Receive, Scope, Send } from "./types.js";

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

// ---------------------------------------------------------------- websocket sessions

/** `websocketConnect`'s options: Starlette's `subprotocols`, and httpx's `headers`, `params` and `cookies`. */
export interface WebSocketConnectOptions {
  /** Sent as `sec-websocket-protocol`; the app sees them in `scope.subprotocols`. */
  subprotocols?: string[];
  headers?: Record<string, string> | Array<[string, string]>;
  params?: Params;
  cookies?: Record<string, string>;
}

/**
 * The app answered the handshake with an HTTP response (`sendDenialResponse`, or an
 * HTTPException before accept): Starlette's WebSocketDenialResponse, a WebSocketDisconnect
 * that carries the response. `code` is 1006, what a browser reports for a refused handshake.
 */
export class WebSocketDenialResponse extends WebSocketDisconnect {
  constructor(readonly response: TestResponse) {
    super(1006, `The app refused the handshake with HTTP ${response.statusCode}`);
    this.name = "WebSocketDenialResponse";
  }

  get statusCode(): number {
    return this.response.statusCode;
  }

  get headers(): ResponseHeaders {
    return this.response.headers;
  }

  get content(): Uint8Array {
    return this.response.content;
  }

  get text(): string {
    return this.response.text;
  }

  json<T = unknown>(): T {
    return this.response.json<T>();
  }
}

// anyio's cancellation, delivered to the app at its next receive or send once the test has left.
class Cancelled extends Error {
  constructor() {
    super("The test left the websocket session");
    this.name = "Cancelled";
  }
}

// The turn an app gets to settle: what has happened by the next macrotask has happened.
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

// bytes.decode("utf-8"): invalid UTF-8 is an error, and a byte order mark stays in the text.
const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function field<T>(message: Message, key: "text" | "bytes"): T {
  const value = message[key];
  if (value === undefined || value === null) throw new TypeError(`Expected ${key} websocket messages, but got ${key === "text" ? "bytes" : "text"}`);
  return value as T;
}

/**
 * One websocket connection to the app, in-process (Starlette's WebSocketTestSession): the
 * test sends as the client (`sendText`...) and receives what the app sent (`receiveText`...).
 * Leaving it (`await using`, `exit()`) sends a close (1000), gives the app its turn to finish,
 * then cancels it at its next receive or send, as Starlette's TestClient cancels the app's
 * task; an error the app raised is thrown then, if no receive has thrown it already.
 */
export class WebSocketTestSession implements AsyncDisposable {
  /** The subprotocol the app accepted with, or null. */
  acceptedSubprotocol: string | null = null;
  /** The headers the app added to its accept, as `[name, value]` pairs. */
  extraHeaders: HeaderList | null = null;
  private readonly toApp: Message[] = [];
  private readonly fromApp: Message[] = [];
  private appWaiters: Array<{ resolve: (message: Message) => void; reject: (error: Error) => void }> = [];
  private clientWaiters: Array<() => void> = [];
  private outcome: "running" | "returned" | "failed" = "running";
  private error: unknown;
  private errorThrown = false;
  private accepted = false;
  private cancelled = false;
  private ended = false;
  private task: Promise<void> = Promise.resolve();

  constructor(
    private readonly app: ASGIApp,
    readonly scope: Scope,
    readonly url: URL,
  ) {}

  private readonly receiveFromClient: Receive = () => {
    const next = this.toApp.shift();
    if (next !== undefined) return Promise.resolve(next);
    if (this.cancelled) return Promise.reject(new Cancelled());
    return new Promise((resolve, reject) => this.appWaiters.push({ resolve, reject }));
  };

  private readonly sendToClient: Send = async (message) => {
    if (this.cancelled) throw new Cancelled();
    this.fromApp.push(message);
    this.wakeClient();
  };

  private wakeClient(): void {
    for (const wake of this.clientWaiters.splice(0)) wake();
  }

  /** Start the app and complete the handshake (Python's `__enter__`). */
  async enter(): Promise<this> {
    this.task = Promise.resolve()
      .then(() => this.app(this.scope, this.receiveFromClient, this.sendToClient))
      .then(
        () => void (this.outcome = "returned"),
        (error: unknown) => {
          this.outcome = "failed";
          this.error = error;
        },
      )
      .finally(() => this.wakeClient());
    this.send({ type: "websocket.connect" });
    let message: Message;
    try {
      message = await this.receive();
      await this.raiseOnClose(message);
    } catch (exc) {
      await this.finish(); // throws the app's error first, if it failed
      throw exc;
    }
    this.accepted = true;
    this.acceptedSubprotocol = (message.subprotocol as string | null | undefined) ?? null;
    this.extraHeaders = (message.headers as HeaderList | undefined) ?? null;
    return this;
  }

  /** Close (1000), let the app finish its turn, then cancel it; throws the app's error (Python's `__exit__`). */
  async exit(): Promise<void> {
    if (!this.ended) this.close(1000);
    await this.finish();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.exit();
  }

  private async finish(): Promise<void> {
    if (!this.ended) {
      this.ended = true;
      await Promise.race([this.task, nextTurn()]);
      this.cancelled = true;
      for (const waiter of this.appWaiters.splice(0)) waiter.reject(new Cancelled());
      await Promise.race([this.task, nextTurn()]);
    }
    if (this.outcome === "failed" && !(this.error instanceof Cancelled) && !this.errorThrown) {
      this.errorThrown = true;
      throw this.error;
    }
  }

  /** Send an ASGI message to the app, as the client. */
  send(message: Message): void {
    if (this.ended) throw new Error("The websocket session has ended");
    const waiter = this.appWaiters.shift();
    if (waiter) waiter.resolve(message);
    else this.toApp.push(message);
  }

  sendText(data: string): void {
    this.send({ type: "websocket.receive", text: data });
  }

  sendBytes(data: Uint8Array): void {
    this.send({ type: "websocket.receive", bytes: data });
  }

  /** Send `data` as compact JSON, in a text frame or (`"binary"`) as UTF-8 bytes. */
  sendJson(data: unknown, mode: "text" | "binary" = "text"): void {
    const text = JSON.stringify(data) ?? "null";
    if (mode === "text") this.send({ type: "websocket.receive", text });
    else this.send({ type: "websocket.receive", bytes: Buffer.from(text, "utf8") });
  }

  /** The client closes: the app receives websocket.disconnect with this code. */
  close(code = 1000, reason: string | null = null): void {
    this.send({ type: "websocket.disconnect", code, reason });
  }

  /** The next ASGI message the app sent; throws the app's error once it has failed. */
  async receive(): Promise<Message> {
    for (;;) {
      const next = this.fromApp.shift();
      if (next !== undefined) return next;
      if (this.outcome === "failed") {
        this.errorThrown = true;
        throw this.error;
      }
      // Starlette's session would wait forever here.
      if (this.outcome === "returned") {
        throw new Error(
          this.accepted
            ? "The app returned without closing the websocket: there is nothing more to receive"
            : 'The app returned without sending "websocket.accept", "websocket.close" or a denial response',
        );
      }
      if (this.ended) throw new Error("The websocket session has ended");
      await new Promise<void>((resolve) => this.clientWaiters.push(resolve));
    }
  }

  async receiveText(): Promise<string> {
    const message = await this.receive();
    await this.raiseOnClose(message);
    return field<string>(message, "text");
  }

  async receiveBytes(): Promise<Uint8Array> {
    const message = await this.receive();
    await this.raiseOnClose(message);
    return field<Uint8Array>(message, "bytes");
  }

  async receiveJson<T = unknown>(mode: "text" | "binary" = "text"): Promise<T> {
    const message = await this.receive();
    await this.raiseOnClose(message);
    const text = mode === "text" ? field<string>(message, "text") : UTF8.decode(field<Uint8Array>(message, "bytes"));
    return JSON.parse(text) as T;
  }

  private async raiseOnClose(message: Message): Promise<void> {
    if (message.type === "websocket.close") {
      throw new WebSocketDisconnect((message.code as number | undefined) ?? 1000, (message.reason as string | undefined) ?? "");
    }
    if (message.type === "websocket.http.response.start") {
      const messages = [message];
      const body: Uint8Array[] = [];
      for (;;) {
        const next = await this.receive();
        messages.push(next);
        assert(next.type === "websocket.http.response.body", `Expected ASGI message "websocket.http.response.body", but got "${next.type}"`);
        if (next.body) body.push(next.body);
        if (!next.more_body) break;
      }
      const headers = new ResponseHeaders({ raw: (message.headers ?? []).map(([k, v]) => [k, Buffer.from(v, "latin1").toString("utf8")]) });
      throw new WebSocketDenialResponse(new TestResponse(message.status as number, headers, Buffer.concat(body), this.url, messages));
    }
  }
}

function toApp(app: ASGIAppLike | ASGIClass): ASGIApp {
  // An endpoint class is an app too, as Starlette's TestClient takes one (each connection is an instance).
  if (isClass(app)) return classApp(app as ASGIClass);
  const appLike = app as ASGIAppLike;
  return typeof appLike === "function" ? appLike : (scope, receive, send) => appLike.call(scope, receive, send);
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

const CONNECT_OPTIONS: Record<keyof WebSocketConnectOptions, OptionRule> = {
  subprotocols: [(v) => Array.isArray(v) && v.every((item) => typeof item === "string"), "a list of strings"],
  headers: [(v) => (Array.isArray(v) ? v.every((pair) => Array.isArray(pair) && pair.length === 2) : isStringRecord(v)), "an object of header names to values, or [name, value] pairs"],
  params: [(v) => typeof v === "string" || (v !== null && typeof v === "object" && !Array.isArray(v)), "a query string or an object"],
  cookies: [isStringRecord, "an object of cookie names to string values"],
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

  constructor(app: ASGIAppLike | ASGIClass, options: TestClientOptions = {}) {
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
    let url = withParams(absoluteUrl(path, this.baseUrl), options.params);
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

  // httpx's headers for a request: Host, its defaults, then the client's.
  private defaultHeaders(url: URL): HeaderList {
    const scheme = url.scheme || "http";
    const host = url.hostname ?? "testserver";
    const port = url.port ?? DEFAULT_PORTS[scheme];
    const headers: HeaderList = [["host", port === DEFAULT_PORTS[scheme] ? host : `${host}:${port}`]];
    for (const [k, v] of Object.entries({ accept: "*/*", "accept-encoding": "gzip, deflate", connection: "keep-alive", ...this.headers })) {
      headers.push([k.toLowerCase(), v]);
    }
    return headers;
  }

  // The jar's cookies for the URL and the request's own, unless a Cookie header was given (as http.cookiejar).
  private addCookies(headers: HeaderList, url: URL, cookies: Record<string, string> | undefined): void {
    const jarHeader = this.cookies.headerFor(url);
    const requestCookies = cookies ? Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join("; ") : null;
    const cookie = [jarHeader, requestCookies].filter((c) => c).join("; ");
    if (cookie && !headers.some(([n]) => n === "cookie")) headers.push(["cookie", cookie]);
  }

  private async send(method: string, url: URL, options: RequestOptions): Promise<TestResponse> {
    const scheme = url.scheme || "http";
    const host = url.hostname ?? "testserver";
    const port = url.port ?? DEFAULT_PORTS[scheme];
    const headers = this.defaultHeaders(url);
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
    this.addCookies(headers, url, options.cookies);

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

  // ---------------------------------------------------------------- websockets

  /**
   * Open a websocket to the app (Starlette's `websocket_connect`): the handshake is made when
   * the promise resolves. Use the session with `await using`, or give `body`, after which
   * the session is closed whatever happens. A relative path is on ws://testserver, as in
   * Starlette. Rejects with WebSocketDisconnect if the app closes before accepting, with
   * WebSocketDenialResponse if it answers with an HTTP response, or with the app's error.
   *
   * @example
   * await using websocket = await client.websocketConnect("/ws");
   * websocket.sendText("Hello");
   * assert.is(await websocket.receiveText(), "Message was: Hello");
   */
  websocketConnect(url: string, options?: WebSocketConnectOptions): Promise<WebSocketTestSession>;
  websocketConnect<T>(url: string, options: WebSocketConnectOptions, body: (websocket: WebSocketTestSession) => Promise<T> | T): Promise<T>;
  async websocketConnect<T>(
    url: string,
    options: WebSocketConnectOptions = {},
    body?: (websocket: WebSocketTestSession) => Promise<T> | T,
  ): Promise<WebSocketTestSession | T> {
    checkOptions("websocketConnect", options, CONNECT_OPTIONS);
    const target = withParams(absoluteUrl(url, "ws://testserver"), options.params);
    const session = new WebSocketTestSession(this.app, this.websocketScope(target, options), target);
    await session.enter();
    if (body === undefined) return session;
    try {
      return await body(session);
    } finally {
      await session.exit();
    }
  }

  private websocketScope(url: URL, options: WebSocketConnectOptions): Scope {
    const scheme = url.scheme;
    const host = url.hostname ?? "testserver";
    const port = url.port ?? DEFAULT_PORTS[scheme];
    const headers = this.defaultHeaders(url);
    const extra = (Array.isArray(options.headers) ? options.headers : Object.entries(options.headers ?? {})).map(([k, v]) => [k.toLowerCase(), v] as [string, string]);
    const defaults: Array<[string, string]> = [["connection", "upgrade"], ["sec-websocket-key", "testserver=="], ["sec-websocket-version", "13"]];
    if (options.subprotocols !== undefined) defaults.push(["sec-websocket-protocol", options.subprotocols.join(", ")]);
    for (const header of defaults) if (!extra.some(([k]) => k === header[0])) extra.push(header);
    const given = new Set(extra.map(([k]) => k));
    const merged = [...headers.filter(([k]) => !given.has(k)), ...extra];
    this.addCookies(merged, url, options.cookies);
    // The subprotocols the app sees are those of the header sent, as Starlette reads them.
    const offered = merged.find(([k]) => k === "sec-websocket-protocol")?.[1];
    const rawPath = url.path || "/";
    return {
      type: "websocket",
      asgi: { version: "3.0", spec_version: "2.4" },
      scheme,
      path: decodeURIComponentSafe(rawPath),
      raw_path: rawPath,
      root_path: this.rootPath,
      query_string: Buffer.from(url.query, "utf8").toString("latin1"),
      headers: merged.map(([k, v]) => [k, Buffer.from(v, "utf8").toString("latin1")]),
      client: this.client,
      server: [host, port],
      subprotocols: offered === undefined ? [] : offered.split(",").map((value) => value.trim()),
      state: { ...this.appState },
      extensions: { "websocket.http.response": {} },
    };
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

function absoluteUrl(path: string, base: string): URL {
  return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(path) ? path : base.replace(/\/$/, "") + (path.startsWith("/") ? path : "/" + path));
}

// httpx 0.28's params: they replace the URL's own query (an empty set of params removes it).
function withParams(url: URL, params: Params | undefined): URL {
  if (params === undefined) return url;
  return url.replace({ query: queryString(params) });
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
