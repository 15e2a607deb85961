// Port of starlette/responses.py: every response is an ASGI app through `call`.
import type { BigIntStats, Stats } from "node:fs";
import { open, stat } from "node:fs/promises";
import { createHash, randomBytes } from "node:crypto";
import { guessType } from "./_mimetypes.js";
import { encodeUtf8, RESOLVED } from "./_utils.js";
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
// The options of a response given none: shared rather than a fresh {} for every response.
const NO_OPTIONS: ResponseOptions = Object.freeze({});

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

// The last media type and charset seen, and the content type they make: a class's responses
// share both, so the lower-casing and search run once rather than for every response.
let lastMediaType = "";
let lastCharset = "";
let lastContentType = "";

/** A text/* media type gets the charset unless it names one. */
function withCharset(mediaType: string, charset: string): string {
  if (mediaType === lastMediaType && charset === lastCharset) return lastContentType;
  const contentType = mediaType.startsWith("text/") && !mediaType.toLowerCase().includes("charset=") ? `${mediaType}; charset=${charset}` : mediaType;
  lastMediaType = mediaType;
  lastCharset = charset;
  lastContentType = contentType;
  return contentType;
}

export class Response {
  statusCode: number;
  mediaType: string | null;
  background: BackgroundTask | null;
  readonly charset: string = "utf-8";
  body: Uint8Array;
  rawHeaders: HeaderList;
  private cachedHeaders?: MutableHeaders;

  constructor(content?: string | Uint8Array | null, options: ResponseOptions = NO_OPTIONS) {
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
    return encodeUtf8(String(content));
  }

  protected initHeaders(headers: Record<string, string> | undefined, body: Uint8Array | null = this.body): HeaderList {
    const status = this.statusCode;
    const length = body !== null && !(status < 200 || status === 204 || status === 304) ? String(body.byteLength) : null;
    const mediaType = this.mediaType;
    const contentType = mediaType !== null ? withCharset(mediaType, this.charset) : null;
    // The usual case, no headers given: the list made at its final size.
    if (headers === undefined) {
      if (length === null) return contentType === null ? [] : [["content-type", contentType]];
      return contentType === null ? [["content-length", length]] : [["content-length", length], ["content-type", contentType]];
    }
    const mutable = new MutableHeaders();
    for (const [k, v] of Object.entries(headers)) mutable.append(k, v);
    const raw = mutable.raw;
    if (length !== null && !raw.some(([k]) => k === "content-length")) raw.push(["content-length", length]);
    if (contentType !== null && !raw.some(([k]) => k === "content-type")) raw.push(["content-type", contentType]);
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
  constructor(content: unknown, options: ResponseOptions = NO_OPTIONS) {
    super(content as string, options);
  }
  protected override defaultMediaType(): string | null {
    return "application/json";
  }
  protected override render(content: unknown): Uint8Array {
    return encodeUtf8(JSON.stringify(content) ?? "null");
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
        const body = typeof chunk === "string" ? encodeUtf8(chunk) : chunk;
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

// ---------------------------------------------------------------- FileResponse

export interface FileResponseOptions extends ResponseOptions {
  /** Sets Content-Disposition (RFC 5987 `filename*=` when it is not plain ASCII) and, with no mediaType, the guess. */
  filename?: string | null;
  /** A stat of the file, taken already: its headers are set now and the file is not stat'ed again. */
  statResult?: Stats | BigIntStats | null;
  /** @default "attachment" */
  contentDispositionType?: string;
}

/** The parts of a file's stat that its headers come from. */
type FileStat = Pick<Stats | BigIntStats, "size" | "mtimeMs" | "isFile"> & { mtimeNs?: bigint };

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// urllib.parse.quote(s, safe="/"): UTF-8, every byte but letters, digits, "_.-~/" as %XX.
function quote(text: string): string {
  if (LONE_SURROGATE.test(text)) throw new TypeError(`${JSON.stringify(text)} is not valid Unicode: it has a lone surrogate`);
  return text.replace(/[^A-Za-z0-9_.\-~/]+/g, (run) => Array.from(Buffer.from(run, "utf8"), (b) => "%" + (b < 16 ? "0" : "") + b.toString(16).toUpperCase()).join(""));
}

/** Python's repr() of a float: the shortest digits that read back, written as Python writes them. */
export function pyFloatRepr(x: number): string {
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const [mantissa, exp] = x.toExponential().split("e");
  const e = Number(exp);
  if (e < -4 || e >= 16) return `${mantissa}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  const text = String(x);
  return text.includes(".") ? text : text + ".0";
}

/** os.stat_result.st_mtime: sec + nsec * 1e-9 in double arithmetic, as CPython computes it. */
function stMtime(st: FileStat): number {
  if (st.mtimeNs === undefined) return Number(st.mtimeMs) / 1000;
  const sec = st.mtimeNs / 1_000_000_000n - (st.mtimeNs % 1_000_000_000n < 0n ? 1n : 0n);
  return Number(sec) + Number(st.mtimeNs - sec * 1_000_000_000n) * 1e-9;
}

// datetime.fromtimestamp's whole seconds: the fraction is rounded to microseconds (half to even) first,
// so 0.9999999 is second 1.
function timestampSeconds(t: number): number {
  let seconds = Math.trunc(t);
  const micros = (t - seconds) * 1e6;
  let rounded = Math.sign(micros) * Math.round(Math.abs(micros));
  if (Math.abs(micros - rounded) === 0.5) rounded = 2 * Math.round(micros / 2);
  if (rounded >= 1e6) seconds += 1;
  else if (rounded < 0) seconds -= 1;
  return seconds;
}

/**
 * The Last-Modified and ETag values Starlette gives a file: email.utils.formatdate of
 * st_mtime (through datetime.fromtimestamp), and the MD5 of `str(st_mtime) + "-" + str(st_size)`. A BigIntStats (from
 * `stat(path, { bigint: true })`) has the nanoseconds that make the ETag Starlette's to the
 * byte; a Stats has only milliseconds in a float.
 */
export function fileValidators(st: FileStat): { lastModified: string; etag: string } {
  const mtime = stMtime(st);
  const lastModified = new Date(timestampSeconds(mtime) * 1000).toUTCString();
  const etag = `"${createHash("md5").update(`${pyFloatRepr(mtime)}-${String(st.size)}`).digest("hex")}"`;
  return { lastModified, etag };
}

class MalformedRangeHeader extends Error {
  constructor(readonly content = "Malformed range header.") {
    super(content);
  }
}

class RangeNotSatisfiable extends Error {
  constructor(readonly maxSize: number) {
    super(`Range not satisfiable (size ${maxSize})`);
  }
}

// str.strip() of a latin-1 string: Python's whitespace in that range.
const strip = (text: string): string => text.replace(/^[\t\n\v\f\r\x1c-\x1f \x85\xa0]+|[\t\n\v\f\r\x1c-\x1f \x85\xa0]+$/g, "");

/** int(text) for an already stripped latin-1 string: null where Python raises ValueError. */
function pyInt(text: string): bigint | null {
  if (!/^[+-]?[0-9]+(?:_[0-9]+)*$/.test(text)) return null;
  const digits = text.replace(/[^0-9]/g, "");
  // sys.int_info.default_max_str_digits: a longer number is a ValueError, so the part is ignored.
  if (digits.length > 4300) return null;
  return text.startsWith("-") ? -BigInt(digits) : BigInt(digits);
}

/** A file opened for reading at given positions: the disk, or bytes already in memory. */
export interface FileReader {
  read(position: number, length: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

/**
 * Sends a file from disk in chunks, never the whole file in memory: 200, HEAD, byte ranges (206,
 * one range or multipart/byteranges), If-Range, 416 and 400 for ranges it cannot serve.
 */
export class FileResponse extends Response {
  readonly path: string;
  readonly filename: string | null;
  statResult: FileStat | null;
  static chunkSize = 64 * 1024;
  /** More ranges than this in one header: the whole file is sent (200). */
  static maxRanges = 100;

  constructor(path: string, options: FileResponseOptions = {}) {
    const filename = options.filename ?? null;
    super(null, { ...options, mediaType: options.mediaType ?? guessType(filename || path) ?? "application/octet-stream" });
    this.path = path;
    this.filename = filename;
    this.headers.setdefault("accept-ranges", "bytes");
    if (filename !== null) {
      const quoted = quote(filename);
      const type = options.contentDispositionType ?? "attachment";
      this.headers.setdefault("content-disposition", quoted !== filename ? `${type}; filename*=utf-8''${quoted}` : `${type}; filename="${filename}"`);
    }
    this.statResult = options.statResult ?? null;
    if (this.statResult !== null) this.setStatHeaders(this.statResult);
  }

  protected override initHeaders(headers: Record<string, string> | undefined): HeaderList {
    return super.initHeaders(headers, null);
  }

  setStatHeaders(st: FileStat): void {
    const { lastModified, etag } = fileValidators(st);
    this.headers.setdefault("content-length", String(st.size));
    this.headers.setdefault("last-modified", lastModified);
    this.headers.setdefault("etag", etag);
  }

  /** Where the bytes come from: the file on disk. */
  protected async openFile(): Promise<FileReader> {
    const handle = await open(this.path, "r");
    return {
      read: async (position, length) => {
        const buffer = Buffer.allocUnsafe(length);
        const { bytesRead } = await handle.read(buffer, 0, length, position);
        return buffer.subarray(0, bytesRead);
      },
      close: () => handle.close(),
    };
  }

  override async call(scope: Scope, receive: Receive, send: Send): Promise<void> {
    const http = scope.type === "http";
    const headerOnly = http && String(scope.method).toUpperCase() === "HEAD";
    const pathsend = http && "http.response.pathsend" in (scope.extensions ?? {});
    const out = this.websocketDenialSend(scope, send);
    let st = this.statResult;
    if (st === null) {
      try {
        st = await stat(this.path, { bigint: true });
      } catch (exc) {
        if ((exc as NodeJS.ErrnoException).code === "ENOENT") throw new Error(`File at path ${this.path} does not exist.`);
        throw exc;
      }
      this.setStatHeaders(st);
      if (!st.isFile()) throw new Error(`File at path ${this.path} is not a file.`);
    }
    const size = Number(st.size);
    const requestHeaders = scope.headers ?? [];
    let range: string | null = null;
    let ifRange: string | null = null;
    for (const [name, value] of requestHeaders) {
      if (name === "range") range ??= value;
      else if (name === "if-range") ifRange ??= value;
    }
    if (this.statusCode !== 200 || range === null || (ifRange !== null && !this.shouldUseRange(ifRange))) {
      await this.handleSimple(out, headerOnly, pathsend);
    } else {
      let ranges: Array<[number, number]>;
      try {
        ranges = (this.constructor as typeof FileResponse).parseRangeHeader(range, size);
      } catch (exc) {
        if (exc instanceof MalformedRangeHeader) return new PlainTextResponse(exc.content, { statusCode: 400 }).call(scope, receive, send);
        const maxSize = (exc as RangeNotSatisfiable).maxSize;
        return new PlainTextResponse(null, { statusCode: 416, headers: { "Content-Range": `bytes */${maxSize}` } }).call(scope, receive, send);
      }
      if (ranges.length === 0) await this.handleSimple(out, headerOnly, pathsend);
      else if (ranges.length === 1) await this.handleSingleRange(out, ranges[0][0], ranges[0][1], size, headerOnly);
      else await this.handleMultipleRanges(out, ranges, size, headerOnly);
    }
    if (this.background !== null) await this.runBackground(this.background);
  }

  protected async handleSimple(send: Send, headerOnly: boolean, pathsend: boolean): Promise<void> {
    await send({ type: "http.response.start", status: this.statusCode, headers: this.rawHeaders });
    if (headerOnly) return send({ type: "http.response.body", body: EMPTY, more_body: false });
    if (pathsend) return send({ type: "http.response.pathsend", path: this.path });
    const chunkSize = (this.constructor as typeof FileResponse).chunkSize;
    const file = await this.openFile();
    try {
      // As Starlette: a short read is the last one.
      for (let position = 0, more = true; more; ) {
        const chunk = await file.read(position, chunkSize);
        position += chunk.byteLength;
        more = chunk.byteLength === chunkSize;
        await send({ type: "http.response.body", body: chunk, more_body: more });
      }
    } finally {
      await file.close();
    }
  }

  protected async handleSingleRange(send: Send, start: number, end: number, size: number, headerOnly: boolean): Promise<void> {
    const headers = new MutableHeaders({ raw: [...this.rawHeaders] });
    headers.set("content-range", `bytes ${start}-${end - 1}/${size}`);
    headers.set("content-length", String(end - start));
    await send({ type: "http.response.start", status: 206, headers: headers.raw });
    if (headerOnly) return send({ type: "http.response.body", body: EMPTY, more_body: false });
    const chunkSize = (this.constructor as typeof FileResponse).chunkSize;
    const file = await this.openFile();
    try {
      for (let more = true; more; ) {
        const chunk = await file.read(start, Math.min(chunkSize, end - start));
        start += chunk.byteLength;
        more = chunk.byteLength === chunkSize && start < end;
        await send({ type: "http.response.body", body: chunk, more_body: more });
      }
    } finally {
      await file.close();
    }
  }

  protected async handleMultipleRanges(send: Send, ranges: Array<[number, number]>, size: number, headerOnly: boolean): Promise<void> {
    // As browsers do: a boundary of 13 random bytes (about 96 bits), in hex.
    const boundary = randomBytes(13).toString("hex");
    const [contentLength, partHeader] = this.generateMultipart(ranges, boundary, size, this.headers.get("content-type") as string);
    const headers = new MutableHeaders({ raw: [...this.rawHeaders] });
    headers.set("content-type", `multipart/byteranges; boundary=${boundary}`);
    headers.set("content-length", String(contentLength));
    await send({ type: "http.response.start", status: 206, headers: headers.raw });
    if (headerOnly) return send({ type: "http.response.body", body: EMPTY, more_body: false });
    const chunkSize = (this.constructor as typeof FileResponse).chunkSize;
    const file = await this.openFile();
    try {
      for (let [start, end] of ranges) {
        await send({ type: "http.response.body", body: partHeader(start, end), more_body: true });
        while (start < end) {
          const chunk = await file.read(start, Math.min(chunkSize, end - start));
          // A file cut short since its stat: what is left of the part is not there to send.
          if (chunk.byteLength === 0) break;
          start += chunk.byteLength;
          await send({ type: "http.response.body", body: chunk, more_body: true });
        }
        await send({ type: "http.response.body", body: CRLF, more_body: true });
      }
      await send({ type: "http.response.body", body: Buffer.from(`--${boundary}--`, "latin1"), more_body: false });
    } finally {
      await file.close();
    }
  }

  private shouldUseRange(ifRange: string): boolean {
    return ifRange === this.headers.get("last-modified") || ifRange === this.headers.get("etag");
  }

  /** The ranges of a Range header to send, sorted and merged when several; [] for the whole file. */
  static parseRangeHeader(httpRange: string, fileSize: number): Array<[number, number]> {
    const eq = httpRange.indexOf("=");
    if (eq < 0) throw new MalformedRangeHeader();
    if (strip(httpRange.slice(0, eq)).toLowerCase() !== "bytes") throw new MalformedRangeHeader("Only support bytes range");
    const spec = httpRange.slice(eq + 1);
    if (spec.split(",").length > this.maxRanges) return [];
    const ranges = parseRanges(spec, BigInt(fileSize));
    if (ranges.length === 0) throw new MalformedRangeHeader("Range header: range must be requested");
    if (ranges.some(([start]) => !(start >= 0n && start < BigInt(fileSize)))) throw new RangeNotSatisfiable(fileSize);
    if (ranges.some(([start, end]) => start >= end)) throw new MalformedRangeHeader("Range header: start must be less than end");
    // Every start is now in [0, size) and every end in (start, size]: numbers hold them.
    const result = ranges.map(([start, end]): [number, number] => [Number(start), Number(end)]);
    if (result.length === 1) return result;
    result.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const merged: Array<[number, number]> = [result[0]];
    for (const [start, end] of result.slice(1)) {
      const last = merged[merged.length - 1];
      if (start <= last[1]) last[1] = Math.max(last[1], end);
      else merged.push([start, end]);
    }
    return merged;
  }

  /** The multipart body's length, and the header of each part (Starlette's layout to the byte). */
  generateMultipart(ranges: Array<[number, number]>, boundary: string, maxSize: number, contentType: string): [number, (start: number, end: number) => Uint8Array] {
    const staticLength = 49 + boundary.length + contentType.length + String(maxSize).length;
    let length = 4 + boundary.length;
    for (const [start, end] of ranges) length += String(start).length + String(end - 1).length + staticLength + (end - start);
    const header = (start: number, end: number): Uint8Array =>
      Buffer.from(`--${boundary}\r\nContent-Type: ${contentType}\r\nContent-Range: bytes ${start}-${end - 1}/${maxSize}\r\n\r\n`, "latin1");
    return [length, header];
  }
}

const CRLF = Buffer.from("\r\n", "latin1");

// Starlette's _parse_ranges: parts that are empty, a lone "-", without a dash or not numbers are skipped.
function parseRanges(spec: string, fileSize: bigint): Array<[bigint, bigint]> {
  const ranges: Array<[bigint, bigint]> = [];
  for (const raw of spec.split(",")) {
    const part = strip(raw);
    const dash = part.indexOf("-");
    if (part === "" || part === "-" || dash < 0) continue;
    const startText = strip(part.slice(0, dash));
    const endText = strip(part.slice(dash + 1));
    let start: bigint | null;
    if (startText !== "") start = pyInt(startText);
    else {
      const suffix = pyInt(endText);
      start = suffix === null ? null : fileSize - suffix > 0n ? fileSize - suffix : 0n;
    }
    if (start === null) continue;
    let end = fileSize;
    if (startText !== "" && endText !== "") {
      const last = pyInt(endText);
      if (last === null) continue;
      if (last < fileSize) end = last + 1n;
    }
    ranges.push([start, end]);
  }
  return ranges;
}
