// Port of starlette/responses.py: every response is an ASGI app through `call`.
import { createReadStream } from "node:fs";
import type { Stats } from "node:fs";
import { stat } from "node:fs/promises";
import { createHash } from "node:crypto";
import { basename, extname } from "node:path";
import { RESOLVED } from "./_utils.js";
import type { BackgroundTask } from "./background.js";
import { MutableHeaders, URL } from "./datastructures.js";
import { ClientDisconnect } from "./requests.js";
import type { HeaderList, Message, Receive, Scope, Send } from "./types.js";

export interface ResponseOptions {
  /** @default 200 */
  statusCode?: number;
  headers?: Record<string, string>;
  mediaType?: string | null;
  background?: BackgroundTask | null;
}

export type SameSite = "lax" | "strict" | "none" | "Lax" | "Strict" | "None";

export interface CookieOptions {
  maxAge?: number | null;
  /** A Date, a number of seconds from now, or a preformatted string. */
  expires?: Date | number | string | null;
  /** @default "/" */
  path?: string | null;
  domain?: string | null;
  secure?: boolean;
  httponly?: boolean;
  /** @default "lax" */
  samesite?: SameSite | null;
}

const EMPTY = new Uint8Array(0);

// ---------------------------------------------------------------- Set-Cookie as Python's SimpleCookie writes it

const LEGAL_COOKIE_KEY = /^[A-Za-z0-9!#$%&'*+\-.^_`|~:]+$/;
const RESERVED_COOKIE_KEYS = new Set(["expires", "path", "comment", "domain", "max-age", "secure", "httponly", "version", "samesite", "partitioned"]);

// http.cookies._quote: legal values stay bare; others are quoted, with octal
// escapes for every byte outside the legal set and " ()/<=>?@[]{}".
const UNESCAPED_COOKIE_CHAR = /^[A-Za-z0-9!#$%&'*+\-.^_`|~: ()/<=>?@[\]{}]$/;

function quoteCookieValue(value: string): string {
  if (LEGAL_COOKIE_KEY.test(value)) return value;
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0) as number;
    if (ch === '"' || ch === "\\") out += "\\" + ch;
    else if (code <= 255 && !UNESCAPED_COOKIE_CHAR.test(ch)) out += "\\" + code.toString(8).padStart(3, "0");
    else out += ch;
  }
  return out + '"';
}

/** The header value Starlette's Response.set_cookie produces (attributes in SimpleCookie's sorted order). */
export function formatSetCookie(key: string, value: string, options: CookieOptions = {}): string {
  if (!LEGAL_COOKIE_KEY.test(key)) throw new TypeError(`Illegal key ${JSON.stringify(key)}`);
  if (RESERVED_COOKIE_KEYS.has(key.toLowerCase())) throw new TypeError(`Attempt to set a reserved key ${JSON.stringify(key)}`);
  const { maxAge = null, expires = null, path = "/", domain = null, secure = false, httponly = false, samesite = "lax" } = options;
  const parts = [`${key}=${quoteCookieValue(value)}`];
  if (domain !== null && domain !== "") parts.push(`Domain=${domain}`);
  if (expires !== null && expires !== "") {
    const date = typeof expires === "number" ? new Date(Date.now() + expires * 1000) : expires;
    parts.push(`expires=${typeof date === "string" ? date : date.toUTCString()}`);
  }
  if (httponly) parts.push("HttpOnly");
  if (maxAge !== null) parts.push(`Max-Age=${Math.trunc(maxAge)}`);
  if (path !== null && path !== "") parts.push(`Path=${path}`);
  if (samesite !== null) {
    if (!["strict", "lax", "none"].includes(samesite.toLowerCase())) {
      throw new TypeError("samesite must be either 'strict', 'lax' or 'none'");
    }
    parts.push(`SameSite=${samesite}`);
  }
  if (secure) parts.push("Secure");
  const header = parts.join("; ");
  if (/[\r\n\0]/.test(header)) throw new TypeError("Cookie attributes must not contain CR, LF or NUL");
  return header;
}

// ---------------------------------------------------------------- Response

export class Response {
  statusCode: number;
  mediaType: string | null;
  background: BackgroundTask | null;
  readonly charset: string = "utf-8";
  body: Uint8Array;
  rawHeaders: HeaderList;
  private cachedHeaders?: MutableHeaders;

  constructor(content?: string | Uint8Array | null, options: ResponseOptions = {}) {
    this.statusCode = options.statusCode ?? 200;
    this.mediaType = options.mediaType !== undefined ? options.mediaType : this.defaultMediaType();
    this.background = options.background ?? null;
    this.body = this.render(content);
    this.rawHeaders = this.initHeaders(options.headers);
  }

  /** The media type used when none is given (Python's class attribute `media_type`). */
  protected defaultMediaType(): string | null {
    return null;
  }

  protected render(content: unknown): Uint8Array {
    if (content === null || content === undefined) return EMPTY;
    if (content instanceof Uint8Array) return content;
    return Buffer.from(String(content), "utf8");
  }

  protected initHeaders(headers: Record<string, string> | undefined, body: Uint8Array | null = this.body): HeaderList {
    let raw: HeaderList;
    let populateLength = true;
    let populateType = true;
    if (headers === undefined) {
      raw = [];
    } else {
      const mutable = new MutableHeaders();
      for (const [k, v] of Object.entries(headers)) mutable.append(k, v);
      raw = mutable.raw;
      populateLength = !raw.some(([k]) => k === "content-length");
      populateType = !raw.some(([k]) => k === "content-type");
    }
    if (body !== null && populateLength && !(this.statusCode < 200 || this.statusCode === 204 || this.statusCode === 304)) {
      raw.push(["content-length", String(body.byteLength)]);
    }
    let contentType = this.mediaType;
    if (contentType !== null && populateType) {
      if (contentType.startsWith("text/") && !contentType.toLowerCase().includes("charset=")) {
        contentType += "; charset=" + this.charset;
      }
      raw.push(["content-type", contentType]);
    }
    return raw;
  }

  get headers(): MutableHeaders {
    return (this.cachedHeaders ??= new MutableHeaders({ raw: this.rawHeaders }));
  }

  setCookie(key: string, value = "", options: CookieOptions = {}): void {
    this.rawHeaders.push(["set-cookie", formatSetCookie(key, value, options)]);
  }

  deleteCookie(key: string, options: Omit<CookieOptions, "maxAge" | "expires"> = {}): void {
    this.setCookie(key, "", { ...options, maxAge: 0, expires: 0 });
  }

  /**
   * Runs the background task on a later turn of the event loop: serve() hands
   * responses to the socket at the end of the turn, so the client has this one
   * before the task starts, as Starlette promises.
   */
  protected async runBackground(background: BackgroundTask): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    await background.call();
  }

  protected websocketDenialSend(scope: Scope, send: Send): Send {
    if (scope.type !== "websocket") return send;
    return (message: Message) => send({ ...message, type: "websocket." + message.type });
  }

  call(scope: Scope, receive: Receive, send: Send): Promise<void> {
    if (scope.type !== "http" || this.background !== null) return this.callFully(scope, receive, send);
    // The usual case, with no async frame, and the body sent at once when the start was taken at once.
    try {
      const started = send({ type: "http.response.start", status: this.statusCode, headers: this.rawHeaders });
      const body: Message = { type: "http.response.body", body: this.body };
      return started === RESOLVED ? send(body) : started.then(() => send(body));
    } catch (exc) {
      return Promise.reject(exc);
    }
  }

  private async callFully(scope: Scope, _receive: Receive, send: Send): Promise<void> {
    const out = this.websocketDenialSend(scope, send);
    await out({ type: "http.response.start", status: this.statusCode, headers: this.rawHeaders });
    await out({ type: "http.response.body", body: this.body });
    if (this.background !== null) await this.runBackground(this.background);
  }
}

export class HTMLResponse extends Response {
  protected override defaultMediaType(): string | null {
    return "text/html";
  }
}

export class PlainTextResponse extends Response {
  protected override defaultMediaType(): string | null {
    return "text/plain";
  }
}

/** Compact JSON (no spaces, UTF-8 text not escaped), as Starlette renders it. */
export class JSONResponse extends Response {
  constructor(content: unknown, options: ResponseOptions = {}) {
    super(content as string, options);
  }
  protected override defaultMediaType(): string | null {
    return "application/json";
  }
  protected override render(content: unknown): Uint8Array {
    return Buffer.from(JSON.stringify(content) ?? "null", "utf8");
  }
}

// urllib.parse.quote(url, safe=":/%#?=@[]!$&'()*+,;")
function quoteUrl(url: string): string {
  return url.replace(/[^A-Za-z0-9_.\-~:/%#?=@[\]!$&'()*+,;]/gu, (ch) =>
    Array.from(Buffer.from(ch, "utf8"), (b) => "%" + b.toString(16).toUpperCase().padStart(2, "0")).join(""),
  );
}

export class RedirectResponse extends Response {
  constructor(url: string | URL, options: Omit<ResponseOptions, "mediaType"> = {}) {
    super(EMPTY, { ...options, statusCode: options.statusCode ?? 307 });
    this.headers.set("location", quoteUrl(String(url)));
  }
}

export type ContentStream = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

export class StreamingResponse extends Response {
  readonly bodyIterator: ContentStream;

  constructor(content: ContentStream, options: ResponseOptions = {}) {
    super(null, options);
    this.bodyIterator = content;
  }

  protected override initHeaders(headers: Record<string, string> | undefined): HeaderList {
    return super.initHeaders(headers, null);
  }

  override async call(scope: Scope, _receive: Receive, send: Send): Promise<void> {
    const out = this.websocketDenialSend(scope, send);
    await out({ type: "http.response.start", status: this.statusCode, headers: this.rawHeaders });
    try {
      for await (const chunk of this.bodyIterator) {
        const body = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
        await out({ type: "http.response.body", body, more_body: true });
      }
      await out({ type: "http.response.body", body: EMPTY, more_body: false });
    } catch (exc) {
      // The server reports a gone client as an OSError-like failure of send (ASGI 2.4).
      if ((exc as { code?: string }).code === "ECONNRESET") throw new ClientDisconnect();
      throw exc;
    }
    if (this.background !== null) await this.runBackground(this.background);
  }
}

const MIME_TYPES: Record<string, string> = {
  ".html": "text/html", ".htm": "text/html", ".txt": "text/plain", ".css": "text/css",
  ".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json",
  ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
  ".svg": "image/svg+xml", ".ico": "image/vnd.microsoft.icon", ".webp": "image/webp",
  ".pdf": "application/pdf", ".xml": "application/xml", ".csv": "text/csv", ".md": "text/markdown",
  ".zip": "application/zip", ".gz": "application/gzip", ".wasm": "application/wasm", ".mp4": "video/mp4",
};

export interface FileResponseOptions extends ResponseOptions {
  filename?: string | null;
  /** @default "attachment" */
  contentDispositionType?: string;
}

/** Sends a file from disk (no Range support: the whole file, or headers only for HEAD). */
export class FileResponse extends Response {
  readonly path: string;
  readonly filename: string | null;
  static chunkSize = 64 * 1024;

  constructor(path: string, options: FileResponseOptions = {}) {
    const filename = options.filename ?? null;
    super(null, {
      ...options,
      mediaType: options.mediaType ?? MIME_TYPES[extname(filename ?? basename(path)).toLowerCase()] ?? "application/octet-stream",
    });
    this.path = path;
    this.filename = filename;
    this.headers.setdefault("accept-ranges", "bytes");
    if (filename !== null) {
      const quoted = encodeURIComponent(filename).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
      const type = options.contentDispositionType ?? "attachment";
      this.headers.setdefault("content-disposition", quoted !== filename ? `${type}; filename*=utf-8''${quoted}` : `${type}; filename="${filename}"`);
    }
  }

  protected override initHeaders(headers: Record<string, string> | undefined): HeaderList {
    return super.initHeaders(headers, null);
  }

  private setStatHeaders(st: Stats): void {
    const mtime = st.mtimeMs / 1000;
    this.headers.setdefault("content-length", String(st.size));
    this.headers.setdefault("last-modified", new Date(st.mtimeMs).toUTCString());
    this.headers.setdefault("etag", `"${createHash("md5").update(`${mtime}-${st.size}`).digest("hex")}"`);
  }

  override async call(scope: Scope, _receive: Receive, send: Send): Promise<void> {
    const out = this.websocketDenialSend(scope, send);
    let st: Stats;
    try {
      st = await stat(this.path);
    } catch {
      throw new Error(`File at path ${this.path} does not exist.`);
    }
    if (!st.isFile()) throw new Error(`File at path ${this.path} is not a file.`);
    this.setStatHeaders(st);
    await out({ type: "http.response.start", status: this.statusCode, headers: this.rawHeaders });
    if (scope.type === "http" && scope.method?.toUpperCase() === "HEAD") {
      await out({ type: "http.response.body", body: EMPTY, more_body: false });
    } else if (scope.type === "http" && "http.response.pathsend" in (scope.extensions ?? {})) {
      await out({ type: "http.response.pathsend", path: this.path });
    } else {
      const stream = createReadStream(this.path, { highWaterMark: FileResponse.chunkSize });
      let sent = 0;
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        sent += chunk.length;
        await out({ type: "http.response.body", body: chunk, more_body: sent < st.size });
      }
      if (sent === 0 || sent < st.size) await out({ type: "http.response.body", body: EMPTY, more_body: false });
    }
    if (this.background !== null) await this.runBackground(this.background);
  }
}
