// Port of starlette/middleware/gzip.py (Starlette 1.7) on node:zlib: a body of
// `minimumSize` bytes or more is compressed when the client accepts gzip; a
// streamed body is compressed chunk by chunk, each flushed (Z_SYNC_FLUSH) so
// the client can read it at once. Large single bodies are compressed on
// libuv's threadpool, as Starlette moves them to a worker thread; so are the
// chunks of a stream, which node:zlib compresses there.
import { constants, createGzip, gzip, gzipSync, type Gzip } from "node:zlib";
import { checkOptions, type OptionRule } from "../_options.js";
import { strip } from "../_python_re.js";
import { Headers, MutableHeaders } from "../datastructures.js";
import { addVaryHeader, deleteHeader, setHeader } from "./_headerlist.js";
import type { ASGIApp, Message, Receive, Scope, Send } from "../types.js";

/** Media types that are compressed already, or that must reach the client unbuffered. */
export const DEFAULT_EXCLUDED_CONTENT_TYPES: readonly string[] = Object.freeze([
  "application/gzip",
  "application/x-gzip",
  "application/zip",
  "audio/*",
  "font/woff",
  "font/woff2",
  "image/avif",
  "image/gif",
  "image/jpeg",
  "image/png",
  "image/webp",
  "text/event-stream",
  "video/*",
]);

export interface GZipOptions {
  /** Bodies shorter than this many bytes are sent as they are (a stream is always compressed). @default 500 */
  minimumSize?: number;
  /** zlib's level: 0 (none) to 9 (smallest), or -1 for zlib's default (6). @default 9 */
  compresslevel?: number;
  /** A body of this many bytes or more is compressed off the event loop. @default 131072 */
  threadMinimumSize?: number;
  /** Media types never compressed; "type/*" covers a whole type. @default DEFAULT_EXCLUDED_CONTENT_TYPES */
  excludeContentTypes?: readonly string[];
}

export interface ResponderOptions {
  excludeContentTypes?: readonly string[];
}

export interface GZipResponderOptions extends ResponderOptions {
  /** @default 9 */
  compresslevel?: number;
  /** @default 131072 */
  threadMinimumSize?: number;
}

const EMPTY = new Uint8Array(0);
const isCount = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0;

const RULES: Record<keyof GZipOptions, OptionRule> = {
  minimumSize: [isCount, "a whole number of bytes, 0 or more"],
  compresslevel: [(v) => Number.isInteger(v) && (v as number) >= -1 && (v as number) <= 9, "an integer from 0 to 9 (or -1, zlib's default)"],
  threadMinimumSize: [isCount, "a whole number of bytes, 0 or more"],
  excludeContentTypes: [(v) => Array.isArray(v) && v.every((t) => typeof t === "string"), "an array of media types"],
};

/** "Text/HTML; charset=utf-8" -> "text/html", as _normalize_content_types does. */
function normalizeContentType(contentType: string): string {
  const semicolon = contentType.indexOf(";");
  return strip(semicolon < 0 ? contentType : contentType.slice(0, semicolon)).toLowerCase();
}

// Lists normalized already: GZipMiddleware's, handed to a responder per request, are not redone each time.
const NORMALIZED = new WeakSet<readonly string[]>([DEFAULT_EXCLUDED_CONTENT_TYPES]);

function normalizeContentTypes(types: readonly string[]): readonly string[] {
  if (NORMALIZED.has(types)) return types;
  const out = types.map(normalizeContentType);
  NORMALIZED.add(out);
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a === b || (a.byteLength === b.byteLength && Buffer.compare(a, b) === 0);
}

/**
 * Compresses responses for clients that send `Accept-Encoding: gzip`.
 *
 * @example
 * app.addMiddleware(GZipMiddleware, { minimumSize: 1000, compresslevel: 5 });
 */
export class GZipMiddleware {
  readonly minimumSize: number;
  readonly compresslevel: number;
  readonly threadMinimumSize: number;
  readonly excludeContentTypes: readonly string[];

  constructor(
    readonly app: ASGIApp,
    options: GZipOptions = {},
  ) {
    checkOptions("GZipMiddleware", options, RULES);
    this.minimumSize = options.minimumSize ?? 500;
    this.compresslevel = options.compresslevel ?? 9;
    this.threadMinimumSize = options.threadMinimumSize ?? 128 * 1024;
    this.excludeContentTypes = normalizeContentTypes(options.excludeContentTypes ?? DEFAULT_EXCLUDED_CONTENT_TYPES);
  }

  call(scope: Scope, receive: Receive, send: Send): Promise<void> {
    if (scope.type !== "http") return this.app(scope, receive, send);
    const acceptEncoding = new Headers({ scope }).get("accept-encoding", "");
    // A substring test, as Starlette's: "gzip;q=0" counts as accepting gzip.
    const responder = acceptEncoding.includes("gzip")
      ? new GZipResponder(this.app, this.minimumSize, {
          compresslevel: this.compresslevel,
          threadMinimumSize: this.threadMinimumSize,
          excludeContentTypes: this.excludeContentTypes,
        })
      : new IdentityResponder(this.app, this.minimumSize, { excludeContentTypes: this.excludeContentTypes });
    return responder.call(scope, receive, send);
  }
}

/**
 * Holds the response start until the first body chunk shows whether to
 * compress; a subclass compresses in applyCompression (this one does not, but
 * still adds `Vary: Accept-Encoding` where a compressing one would).
 */
export class IdentityResponder {
  /** The Content-Encoding a subclass's applyCompression produces. */
  readonly contentEncoding: string = "identity";
  readonly excludeContentTypes: readonly string[];
  send: Send = unattachedSend;
  initialMessage: Message = { type: "http.response.start" };
  started = false;
  contentEncodingSet = false;
  contentTypeIsExcluded = false;
  partialResponse = false;

  constructor(
    readonly app: ASGIApp,
    readonly minimumSize: number,
    options: ResponderOptions = {},
  ) {
    this.excludeContentTypes = normalizeContentTypes(options.excludeContentTypes ?? DEFAULT_EXCLUDED_CONTENT_TYPES);
  }

  async call(scope: Scope, receive: Receive, send: Send): Promise<void> {
    this.send = send;
    try {
      await this.app(scope, receive, (message) => this.sendWithCompression(message));
    } finally {
      this.close();
    }
  }

  async sendWithCompression(message: Message): Promise<void> {
    const type = message.type;
    if (type === "http.response.start") {
      // Held until the first body chunk decides the headers.
      this.initialMessage = message;
      const headers = new Headers({ raw: message.headers ?? [] });
      this.contentEncodingSet = headers.has("content-encoding");
      this.partialResponse = message.status === 206;
      const mediaType = normalizeContentType(headers.get("content-type", ""));
      const slash = mediaType.indexOf("/");
      const wildcard = (slash < 0 ? mediaType : mediaType.slice(0, slash)) + "/*";
      this.contentTypeIsExcluded = this.excludeContentTypes.includes(mediaType) || this.excludeContentTypes.includes(wildcard);
    } else if (type === "http.response.body" && (this.contentEncodingSet || this.partialResponse || this.contentTypeIsExcluded)) {
      if (!this.started) {
        this.started = true;
        await this.send(this.initialMessage);
      }
      await this.send(message);
    } else if (type === "http.response.body" && !this.started) {
      this.started = true;
      const body = message.body ?? EMPTY;
      const moreBody = message.more_body ?? false;
      if (body.byteLength < this.minimumSize && !moreBody) {
        // Small responses go as they are.
        await this.send(this.initialMessage);
        await this.send(message);
        return;
      }
      const compressed = await this.applyCompression(body, moreBody);
      // MutableHeaders(raw=...): Starlette edits the list in place; a copy is put on the message here instead.
      const headers = (this.initialMessage.headers ?? []).slice();
      this.initialMessage.headers = headers;
      addVaryHeader(headers, "Accept-Encoding");
      let out = message;
      if (!sameBytes(compressed, body)) {
        // Checked as MutableHeaders checks it: a subclass names its own encoding.
        new MutableHeaders({ raw: headers }).set("content-encoding", this.contentEncoding);
        // A whole body gets its new length; a stream's length is unknown until its end.
        if (moreBody) deleteHeader(headers, "content-length");
        else setHeader(headers, "content-length", String(compressed.byteLength));
        out = { ...message, body: compressed };
      }
      await this.send(this.initialMessage);
      await this.send(out);
    } else if (type === "http.response.body") {
      // The rest of a stream.
      const body = await this.applyCompression(message.body ?? EMPTY, message.more_body ?? false);
      await this.send({ ...message, body });
    } else if (type === "http.response.pathsend") {
      // A file sent by the server itself is never compressed.
      await this.send(this.initialMessage);
      await this.send(message);
    } else {
      await this.send(message);
    }
  }

  /**
   * The encoded form of a body chunk; `moreBody` false ends the encoding.
   * Resources are only taken once a body is actually compressed.
   */
  applyCompression(body: Uint8Array, _moreBody: boolean): Promise<Uint8Array> {
    return Promise.resolve(body);
  }

  /** Frees what applyCompression took, whether or not the response ended (an error, a gone client). */
  close(): void {}
}

/** A Content-Encoding: gzip responder, as GZipMiddleware makes one per request. */
export class GZipResponder extends IdentityResponder {
  override readonly contentEncoding = "gzip";
  readonly compresslevel: number;
  readonly threadMinimumSize: number;
  private compressor: Gzip | null = null;
  private output: Buffer[] = [];

  constructor(app: ASGIApp, minimumSize: number, options: GZipResponderOptions = {}) {
    super(app, minimumSize, options);
    this.compresslevel = options.compresslevel ?? 9;
    this.threadMinimumSize = options.threadMinimumSize ?? 128 * 1024;
  }

  override applyCompression(body: Uint8Array, moreBody: boolean): Promise<Uint8Array> {
    if (!moreBody && this.compressor === null) {
      // A whole body: one call, inline when small (the bytes are those a gzip stream makes).
      if (body.byteLength < this.threadMinimumSize) return Promise.resolve(gzipSync(body, { level: this.compresslevel }));
      return new Promise((resolve, reject) =>
        /* c8 ignore next -- zlib fails to compress only when out of memory */
        gzip(body, { level: this.compresslevel }, (err, out) => (err ? reject(err) : resolve(out))),
      );
    }
    const z = this.stream();
    return new Promise((resolve, reject) => {
      z.once("error", reject);
      // node calls a flush's callback with the error when the stream is gone (destroyed by close()).
      const done = (err?: Error | null): void => {
        z.off("error", reject);
        if (err) return reject(err);
        const out = this.output.length === 1 ? this.output[0] : Buffer.concat(this.output);
        this.output = [];
        resolve(out);
      };
      if (moreBody) {
        if (body.byteLength > 0) z.write(body);
        z.flush(constants.Z_SYNC_FLUSH, done);
      } else {
        z.once("end", () => done());
        z.end(body);
      }
    });
  }

  /** The gzip stream of a streamed body, made at its first chunk. */
  private stream(): Gzip {
    if (this.compressor === null) {
      const z = createGzip({ level: this.compresslevel });
      z.on("data", (chunk: Buffer) => this.output.push(chunk));
      // A failure reaches the pending chunk's promise; this listener keeps it from being an uncaught 'error'.
      z.on("error", () => undefined);
      this.compressor = z;
    }
    return this.compressor;
  }

  override close(): void {
    // An ended stream has closed itself; one cut off by an error or a gone client is freed here.
    if (this.compressor !== null && !this.compressor.writableEnded) this.compressor.destroy();
  }
}

/* c8 ignore next 3 -- only reached by calling sendWithCompression before call(), as Starlette's own guard */
function unattachedSend(): Promise<void> {
  return Promise.reject(new Error("send awaitable not set"));
}
