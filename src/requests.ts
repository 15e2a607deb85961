// Port of starlette/requests.py (1.x): cookie_parser, HTTPConnection, Request.
import assert from "node:assert";
import { Address, FormData, Headers, QueryParams, URL, URLPath, type State } from "./datastructures.js";
import { HTTPException } from "./exceptions.js";
import { parseOptionsHeader } from "./_multipart.js";
import { MultiPartException, parseMultipart, parseUrlencoded, type FormLimits } from "./formparsers.js";
import { missingSessionMessage, type Session } from "./_session.js";
import { missingAuthMessage, type AuthCredentials, type BaseUser } from "./_authentication.js";
import type { Message, Receive, Scope, Send } from "./types.js";

// Python's str.strip() on a latin-1 string: JavaScript's trim() misses \x1c-\x1f and \x85.
function isPySpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || (code >= 0x1c && code <= 0x1f) || code === 0x85 || code === 0xa0;
}

function strip(s: string, from: number, to: number): string {
  while (from < to && isPySpace(s.charCodeAt(from))) from++;
  while (to > from && isPySpace(s.charCodeAt(to - 1))) to--;
  return s.slice(from, to);
}

const COOKIE_ESCAPE = /\\(?:([0-3][0-7][0-7])|(.))/g;

// http.cookies._unquote
function unquoteCookie(value: string): string {
  if (value.length < 2 || value.charCodeAt(0) !== 0x22 || value.charCodeAt(value.length - 1) !== 0x22) return value;
  return value
    .slice(1, -1)
    .replace(COOKIE_ESCAPE, (_m, octal: string | undefined, ch: string) => (octal ? String.fromCharCode(parseInt(octal, 8)) : ch));
}

/**
 * Parse a Cookie header the way Starlette does (adapted from Django): split on
 * every ";", split each chunk at the first "=", a chunk with no "=" has the
 * empty name, later duplicates win, and fully quoted values are unquoted.
 * The result has no prototype, so a cookie named "__proto__" is plain data.
 */
export function cookieParser(cookieString: string): Record<string, string> {
  const cookies = Object.create(null) as Record<string, string>;
  const n = cookieString.length;
  for (let pos = 0; pos <= n; ) {
    let end = cookieString.indexOf(";", pos);
    if (end < 0) end = n;
    const eq = cookieString.indexOf("=", pos);
    const key = eq >= 0 && eq < end ? strip(cookieString, pos, eq) : "";
    const value = eq >= 0 && eq < end ? strip(cookieString, eq + 1, end) : strip(cookieString, pos, end);
    if (key || value) cookies[key] = unquoteCookie(value);
    pos = end + 1;
  }
  return cookies;
}

/**
 * What `new HTTPConnection(scope).cookies[name]` holds, found without building
 * the whole dict (a null-prototype object is slow to fill): the session
 * middleware reads one cookie on every request.
 */
export function cookieValue(scope: Scope, name: string): string | undefined {
  let found: string | undefined;
  for (const [header, line] of scope.headers ?? []) {
    if (header !== "cookie") continue;
    const n = line.length;
    for (let pos = 0; pos <= n; ) {
      let end = line.indexOf(";", pos);
      if (end < 0) end = n;
      const eq = line.indexOf("=", pos);
      const hasEq = eq >= 0 && eq < end;
      if ((hasEq ? strip(line, pos, eq) : "") === name) {
        const value = hasEq ? strip(line, eq + 1, end) : strip(line, pos, end);
        if (name || value) found = unquoteCookie(value);
      }
      pos = end + 1;
    }
  }
  return found;
}

export class ClientDisconnect extends Error {
  constructor() {
    super("");
    this.name = "ClientDisconnect";
  }
}

interface AppLike {
  readonly state?: State;
}

/** What Request and WebSocket share: a read-only view over the connection's scope. */
export class HTTPConnection {
  readonly scope: Scope;
  private cachedUrl?: URL;
  private cachedBaseUrl?: URL;
  private cachedHeaders?: Headers;
  private cachedQuery?: QueryParams;
  private cachedCookies?: Record<string, string>;

  constructor(scope: Scope) {
    // Python's bare assert has no message; one that names the scope helps more.
    // The message is built only on failure: this runs on every request.
    if (scope.type !== "http" && scope.type !== "websocket") assert.fail(`HTTPConnection needs an "http" or "websocket" scope, not "${scope.type}"`);
    this.scope = scope;
  }

  get app(): AppLike | undefined {
    return this.scope.app as AppLike | undefined;
  }

  get url(): URL {
    return (this.cachedUrl ??= URL.fromScope(this.scope));
  }

  get baseUrl(): URL {
    if (this.cachedBaseUrl === undefined) {
      // url_for builds on the top-level root path, even inside a Mount.
      const appRootPath = this.scope.app_root_path ?? this.scope.root_path ?? "";
      const path = appRootPath.endsWith("/") ? appRootPath : appRootPath + "/";
      this.cachedBaseUrl = URL.fromScope({ ...this.scope, path, query_string: "", root_path: appRootPath });
    }
    return this.cachedBaseUrl;
  }

  get headers(): Headers {
    return (this.cachedHeaders ??= new Headers({ scope: this.scope }));
  }

  get queryParams(): QueryParams {
    return (this.cachedQuery ??= new QueryParams(this.scope.query_string ?? ""));
  }

  get pathParams(): Record<string, unknown> {
    return this.scope.path_params ?? {};
  }

  /** Every Cookie header line is parsed, in order; a later name overrides an earlier one. */
  get cookies(): Record<string, string> {
    if (this.cachedCookies === undefined) {
      const lines = this.headers.getlist("cookie");
      if (lines.length === 1) {
        this.cachedCookies = cookieParser(lines[0]);
      } else {
        const cookies = Object.create(null) as Record<string, string>;
        for (const line of lines) Object.assign(cookies, cookieParser(line));
        this.cachedCookies = cookies;
      }
    }
    return this.cachedCookies;
  }

  get client(): Address | null {
    const client = this.scope.client;
    return client ? new Address(client[0], client[1]) : null;
  }

  get session(): Session {
    if (!("session" in this.scope)) {
      throw new assert.AssertionError({ message: missingSessionMessage(this.scope) });
    }
    const session = this.scope.session as Session;
    // A hand-written session middleware may store a plain object.
    if (typeof session.markAccessed === "function") session.markAccessed();
    return session;
  }

  /** The credentials AuthenticationMiddleware's backend granted (starlette-ts/authentication). */
  get auth(): AuthCredentials {
    if (!("auth" in this.scope)) throw new assert.AssertionError({ message: missingAuthMessage(this.scope, "auth") });
    return this.scope.auth as AuthCredentials;
  }

  /** The user AuthenticationMiddleware's backend found; narrow a class of your own with `instanceof`. */
  get user(): BaseUser {
    if (!("user" in this.scope)) throw new assert.AssertionError({ message: missingAuthMessage(this.scope, "user") });
    return this.scope.user as BaseUser;
  }

  /** Shared by every Request built on this scope (each middleware's and the endpoint's). */
  get state(): State {
    return (this.scope.state ??= {});
  }

  /**
   * The absolute URL of the route named `name` (Starlette's `url_for`): the path on this
   * connection's base URL, with ws:// or wss:// for a websocket route.
   */
  urlFor(name: string, pathParams: Record<string, unknown> = {}): URL {
    const provider = (this.scope.router ?? this.scope.app) as UrlPathProvider | undefined;
    if (!provider) throw new Error("The `url_for` method can only be used inside a Starlette application or with a router.");
    const urlPath = provider.resolveUrlPath ? provider.resolveUrlPath(name, pathParams) : new URLPath(provider.urlPathFor(name, pathParams));
    return urlPath.makeAbsoluteUrl(this.baseUrl);
  }
}

// A Router or an App, as url_for finds them in the scope (requests.ts may not import routing.ts).
interface UrlPathProvider {
  resolveUrlPath?(name: string, pathParams: Record<string, unknown>): URLPath;
  urlPathFor(name: string, pathParams: Record<string, unknown>): string;
}

async function receiveUnavailable(): Promise<Message> {
  throw new Error("Receive channel has not been made available");
}
async function sendUnavailable(): Promise<void> {
  throw new Error("Send channel has not been made available");
}

const EMPTY = new Uint8Array(0);

export class Request extends HTTPConnection {
  protected readonly receiveChannel: Receive;
  protected readonly sendChannel: Send;
  protected streamConsumed = false;
  protected disconnected = false;
  protected cachedBody?: Uint8Array;
  protected cachedJson?: { value: unknown };
  protected cachedForm?: FormData;
  // A receive started by isDisconnected() that did not resolve at once; the next read takes it.
  private pendingReceive?: Promise<Message>;

  constructor(scope: Scope, receive: Receive = receiveUnavailable, send: Send = sendUnavailable) {
    super(scope);
    if (scope.type !== "http") assert.fail(`Request needs an "http" scope, not "${scope.type}"`);
    this.receiveChannel = receive;
    this.sendChannel = send;
  }

  get method(): string {
    return this.scope.method as string;
  }

  get receive(): Receive {
    return this.receiveChannel;
  }

  protected nextMessage(): Promise<Message> {
    const pending = this.pendingReceive;
    if (pending) {
      this.pendingReceive = undefined;
      return pending;
    }
    return this.receiveChannel();
  }

  /** The body as it arrives; always ends with one empty chunk, as Starlette's does. */
  async *stream(): AsyncGenerator<Uint8Array, void, undefined> {
    if (this.cachedBody !== undefined) {
      yield this.cachedBody;
      yield EMPTY;
      return;
    }
    if (this.streamConsumed) throw new Error("Stream consumed");
    while (!this.streamConsumed) {
      const chunk = this.chunkOf(await this.nextMessage());
      if (chunk !== undefined) yield chunk;
    }
    yield EMPTY;
  }

  /** One message of the body: its bytes (none when empty), the end marked; a disconnect throws. */
  private chunkOf(message: Message): Uint8Array | undefined {
    if (message.type === "http.request") {
      if (!message.more_body) this.streamConsumed = true;
      return message.body?.byteLength ? message.body : undefined;
    }
    if (message.type === "http.disconnect") {
      this.disconnected = true;
      throw new ClientDisconnect();
    }
    return undefined;
  }

  async body(): Promise<Uint8Array> {
    if (this.cachedBody === undefined) {
      const chunks: Uint8Array[] = [];
      if (this.stream === Request.prototype.stream) {
        // stream()'s loop without an async generator's promises per chunk; a subclass's own stream() is used as it is.
        if (this.streamConsumed) throw new Error("Stream consumed");
        while (!this.streamConsumed) {
          const chunk = this.chunkOf(await this.nextMessage());
          if (chunk !== undefined) chunks.push(chunk);
        }
      } else {
        for await (const chunk of this.stream()) if (chunk.byteLength) chunks.push(chunk);
      }
      this.cachedBody = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    }
    return this.cachedBody;
  }

  async text(): Promise<string> {
    const body = await this.body();
    return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("utf8");
  }

  async json<T = unknown>(): Promise<T> {
    if (this.cachedJson === undefined) this.cachedJson = { value: JSON.parse(await this.text()) };
    return this.cachedJson.value as T;
  }

  /** URL-encoded or multipart form data; other content types give an empty form. */
  async form(limits: Partial<FormLimits> = {}): Promise<FormData> {
    if (this.cachedForm === undefined) {
      const contentType = this.headers.get("content-type") ?? "";
      // python-multipart's parse_options_header, as Starlette reads it: lower case only without parameters.
      const [mediaType] = parseOptionsHeader(contentType);
      try {
        if (mediaType === "multipart/form-data") {
          this.cachedForm = parseMultipart(contentType, await this.body(), limits);
        } else if (mediaType === "application/x-www-form-urlencoded") {
          this.cachedForm = parseUrlencoded(await this.body(), limits);
        } else {
          this.cachedForm = new FormData();
        }
      } catch (exc) {
        if (exc instanceof MultiPartException && "app" in this.scope) throw new HTTPException(400, exc.message);
        throw exc;
      }
    }
    return this.cachedForm;
  }

  /** Whether the client has gone; looks at a message only if one is ready now. */
  async isDisconnected(): Promise<boolean> {
    if (!this.disconnected) {
      const next = this.nextMessage();
      const ready = await Promise.race([next, new Promise<undefined>((resolve) => setImmediate(resolve, undefined))]);
      if (ready === undefined) this.pendingReceive = next;
      else if (ready.type === "http.disconnect") this.disconnected = true;
    }
    return this.disconnected;
  }

  async sendPushPromise(path: string): Promise<void> {
    const extensions = this.scope.extensions ?? {};
    if ("http.response.push" in extensions) {
      const raw: Array<[string, string]> = [];
      for (const name of ["accept", "accept-encoding", "accept-language", "cache-control", "user-agent"]) {
        for (const value of this.headers.getlist(name)) raw.push([name, value]);
      }
      await this.sendChannel({ type: "http.response.push", path, headers: raw });
    }
  }
}
