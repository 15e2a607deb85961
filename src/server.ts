// The node:http <-> ASGI bridge: the part uvicorn plays for Python. No
// Starlette counterpart; its log lines follow uvicorn's so they read the same.
import { createServer, IncomingMessage, type Server, type ServerResponse } from "node:http";
import { getSystemErrorMap } from "node:util";
import type { AddressInfo, Socket } from "node:net";
import { LifespanDriver } from "./_lifespan.js";
import { BOOLEAN, checkOptions, FUNCTION, STRING, type OptionRule } from "./_options.js";
import { applyProxyHeaders, TrustedHosts } from "./_proxy_headers.js";
import { RESOLVED } from "./_utils.js";
import { ClientDisconnected, WebSocketBridge } from "./_websocket_bridge.js";
import type { State } from "./datastructures.js";
import { reasonPhrase } from "./status.js";
import type { ASGIApp, ASGIAppLike, HeaderList, Message, Receive, Scope, Send } from "./types.js";

export interface ServeOptions {
  /** @default "127.0.0.1" */
  host?: string;
  /** 0 picks a free port. @default 8000 */
  port?: number;
  /** @default "" */
  rootPath?: string;
  /** One uvicorn-style line per request. @default true */
  accessLog?: boolean;
  /** Where log lines go. @default console.error */
  log?: (line: string) => void;
  /** Shut down gracefully on SIGINT and SIGTERM. @default true */
  handleSignals?: boolean;
  /** Listen on this Unix domain socket instead of host and port (uvicorn's --uds). */
  uds?: string;
  /** Listen on the socket already open as this file descriptor (uvicorn's --fd). */
  fd?: number;
  /** PEM private key file; with `sslCertfile`, serves HTTPS on node:https (uvicorn's --ssl-keyfile). */
  sslKeyfile?: string;
  /** PEM certificate file (it may hold the key too) (uvicorn's --ssl-certfile). */
  sslCertfile?: string;
  /** Passphrase of an encrypted `sslKeyfile` (uvicorn's --ssl-keyfile-password). */
  sslKeyfilePassword?: string;
  /** Seconds an idle keep-alive connection is kept open (uvicorn's --timeout-keep-alive). @default 5 */
  timeoutKeepAlive?: number;
  /** Seconds close() waits for the requests in flight before dropping them; null waits as long as they take. @default null */
  timeoutGracefulShutdown?: number | null;
  /** Open connections, or requests in flight, at which a new request gets 503 Service Unavailable. @default null (no limit) */
  limitConcurrency?: number | null;
  /** Requests served before the server shuts itself down (a supervisor then starts a fresh process). @default null (no limit) */
  limitMaxRequests?: number | null;
  /** "auto": the lifespan runs if the app speaks it; "on": an app that raises in it fails the startup; "off": no lifespan. @default "auto" */
  lifespan?: "auto" | "on" | "off";
  /** Lines below this level are not logged; "warning" hides the access log too. @default "info" */
  logLevel?: LogLevel;
  /** Largest request body accepted, in bytes; a larger one gets 413 Content Too Large. @default null (no limit) */
  maxBodySize?: number | null;
  /**
   * Take the client's address and scheme from X-Forwarded-For and X-Forwarded-Proto when the
   * peer is one of `forwardedAllowIps` (uvicorn's --proxy-headers). @default true
   */
  proxyHeaders?: boolean;
  /**
   * The proxies trusted with those headers: addresses, networks ("10.0.0.0/8"), "*" for any
   * peer, as a list or a comma-separated string (uvicorn's --forwarded-allow-ips).
   * @default process.env.FORWARDED_ALLOW_IPS ?? "127.0.0.1,::1"
   */
  forwardedAllowIps?: string | string[];
  /** Largest websocket message accepted, in bytes; a larger one closes the connection with 1009. @default 16777216 (16 MiB) */
  wsMaxSize?: number;
  /** Websocket messages received and not yet read by the app before reading from the client pauses. @default 32 */
  wsMaxQueue?: number;
  /** Seconds between the keepalive pings sent on each websocket; null sends none. @default 20 */
  wsPingInterval?: number | null;
  /** Seconds a ping waits for its pong before the connection is closed with 1011; null waits forever. @default 20 */
  wsPingTimeout?: number | null;
  /** Offer per-message compression (permessage-deflate) to websocket clients that ask for it. @default true */
  wsPerMessageDeflate?: boolean;
}

export interface ServerHandle {
  readonly server: Server;
  readonly host: string;
  readonly port: number;
  readonly url: string;
  /** Stop accepting, finish the requests in flight, then run the lifespan shutdown. */
  close(): Promise<void>;
  /** Settles once the server has shut down: close(), a signal, or `limitMaxRequests`. */
  readonly closed: Promise<void>;
}

type LogLevel = "critical" | "error" | "warning" | "info" | "debug" | "trace";
// Python's logging levels; a line's level is its prefix ("WARNING:  ...").
const LEVELS: Record<string, number> = { CRITICAL: 50, ERROR: 40, WARNING: 30, INFO: 20, DEBUG: 10, TRACE: 5 };

// Defined beside the websocket bridge, which raises it too.
export { ClientDisconnected };

const EMPTY = new Uint8Array(0);
// Bodies up to this size are written as text (see Cycle.flushOut).
const SMALL_BODY = 16384;
// At most this many requests in a turn is light load (see WriteBatch.light): 10 connections give
// at most 10, and 50 about 48 (measured).
const LIGHT_TURN = 16;
const latin1 = (bytes: Uint8Array): string => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).toString("latin1");
// Shared until a request needs its own (most never do).
const NO_HEADERS: HeaderList = [];
const NO_CHUNKS: Buffer[] = [];

function toApp(app: ASGIAppLike): ASGIApp {
  return typeof app === "function" ? app : (scope, receive, send) => app.call(scope, receive, send);
}

function unquotePath(raw: string): string {
  if (!raw.includes("%")) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => Buffer.from(run.replace(/%/g, ""), "hex").toString("utf8"));
  }
}

/**
 * Hands response bytes to the sockets together at the end of the event-loop
 * turn rather than one write at a time. Every write can wake the client; under
 * load, the responses finished in one turn then leave in one burst and the
 * client is woken once for all of them, which on a two-core machine nearly
 * doubles throughput. An idle server flushes on the very next turn
 * (setImmediate keeps the poll phase from blocking), so a lone request is not
 * held back. Under light load, when few requests come in a turn, a response
 * finished within its request event leaves at once instead (see `light`).
 */
class WriteBatch {
  private queue: Cycle[] = [];
  private flushed: Promise<void> | null = null;
  private resolve: () => void = () => undefined;
  private turnEnding = false;
  /** Requests that came in this turn, and in the turn before. */
  private arrivals = 0;
  private lastArrivals = 0;

  /** Counts a request in, for `light`. */
  arrive(): void {
    this.arrivals++;
    this.endTurnSoon();
  }

  /**
   * Few requests come in a turn, this one and the last: a response finished now would share its
   * burst with few others, and waiting for the end of the turn costs more than it saves (in A/B
   * runs, writing at once gained 4 to 11 % at 10 connections and lost 7 to 9 % at 50).
   */
  get light(): boolean {
    return this.arrivals <= LIGHT_TURN && this.lastArrivals <= LIGHT_TURN;
  }

  /** Resolves once the cycle's pending bytes have been handed to its socket. */
  schedule(cycle: Cycle): Promise<void> {
    this.queue.push(cycle);
    if (this.flushed === null) this.flushed = new Promise<void>((resolve) => (this.resolve = resolve));
    this.endTurnSoon();
    return this.flushed;
  }

  private endTurnSoon(): void {
    if (this.turnEnding) return;
    this.turnEnding = true;
    setImmediate(this.flush);
  }

  private flush = (): void => {
    this.turnEnding = false;
    this.lastArrivals = this.arrivals;
    this.arrivals = 0;
    const { queue, resolve } = this;
    if (queue.length === 0) return;
    this.queue = [];
    this.flushed = null;
    for (const cycle of queue) {
      try {
        cycle.flushOut();
      } catch {
        cycle.abort(); // one broken socket must not stall the rest of the batch
      }
    }
    // Once every socket has its bytes: what waited for them (an access line, the count close() waits on).
    for (const cycle of queue) cycle.settle();
    resolve();
  };
}

/**
 * One request and its response (uvicorn's RequestResponseCycle): the app's
 * receive and send. Listeners are added only when the app first reads the body
 * or waits for a disconnect, so a GET that never calls receive() costs none.
 */
class Cycle {
  started = false;
  responseDone = false;
  /** Within the app's first synchronous run, inside node:http's 'request' event. */
  inRequestEvent = false;
  private status = 200;
  private headers: HeaderList = NO_HEADERS;
  /** Body chunks read and not yet received; made by listen(). */
  private chunks: Buffer[] = NO_CHUNKS;
  private bodyDone = false;
  private requestComplete = false;
  private listening = false;
  private wake: (() => void) | null = null;
  readonly receive: Receive = () => this.nextMessage();
  readonly send: Send = (message) => this.sendMessage(message);

  private received = 0;
  /** Body chunks waiting for the end of the turn; the last one goes out with end(). */
  private out: Uint8Array[] = [];
  private outBytes = 0;
  private flushed: Promise<void> | null = null;
  private onSent: (() => void) | null = null;

  constructor(
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
    private readonly maxBodySize: number | null,
    private readonly batch: WriteBatch,
  ) {}

  private flushSoon(): Promise<void> {
    if (this.flushed === null) this.flushed = this.batch.schedule(this);
    return this.flushed;
  }

  /** Runs `then` once the bytes the app has sent are with the socket: at once when none wait. */
  whenSent(then: () => void): void {
    if (this.flushed === null) then();
    else this.onSent = then;
  }

  /** Called by the batch after its flush. */
  settle(): void {
    const then = this.onSent;
    this.onSent = null;
    then?.();
  }

  /** Called by the batch at the end of the turn: a chunk followed by the end leaves in one write. */
  flushOut(): void {
    this.flushed = null;
    const out = this.out;
    this.out = [];
    this.outBytes = 0;
    const last = this.responseDone ? out.pop() : undefined;
    // The head was validated by writeHead() when the body started; a client gone since makes these no-ops.
    for (const chunk of out) this.res.write(chunk);
    if (!this.responseDone) return;
    // A small last chunk goes as latin-1 text, byte for byte: node:http then sends it in one string
    // write with the head, where bytes take a writev of two (1 to 3 % on a small response, in A/B runs).
    if (last !== undefined && last.byteLength <= SMALL_BODY) this.res.end(latin1(last), "latin1");
    else this.res.end(last);
  }

  /** Hands the response to the socket now; a broken socket drops it, as in the batch. */
  private flushNow(): void {
    try {
      this.flushOut();
    } catch {
      this.abort();
    }
  }

  abort(): void {
    this.out = [];
    this.res.destroy();
  }

  /** The client went away before the response was finished. */
  get disconnected(): boolean {
    return this.res.destroyed && !this.res.writableFinished;
  }

  private notify = (): void => {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  };

  private listen(): void {
    this.listening = true;
    this.chunks = [];
    this.req.on("data", (chunk: Buffer) => {
      this.received += chunk.length;
      if (this.maxBodySize !== null && this.received > this.maxBodySize) {
        // Past the limit (a chunked body that did not say its length): refuse and drop the connection.
        if (!this.res.headersSent) sendStatus(this.res, 413);
        this.res.destroy();
        this.notify();
        return;
      }
      this.chunks.push(chunk);
      this.req.pause(); // read on demand: the app pulls with receive()
      this.notify();
    });
    this.req.on("end", () => {
      this.bodyDone = true;
      this.notify();
    });
    this.res.on("close", this.notify);
  }

  private nextMessage(): Promise<Message> {
    if (this.listening || this.requestComplete || this.disconnected) return this.pull();
    const whole = this.wholeBody();
    if (whole !== null) return Promise.resolve(whole);
    // Called from the 'request' event, the body that came in the same packet is parsed a moment later,
    // before the next microtask: a body read then needs no listeners, pauses or wake-ups.
    return RESOLVED.then(() => this.wholeBody() ?? this.pull());
  }

  /** The whole body in one message, when node:http has already parsed all of it and nothing was read. */
  private wholeBody(): Message | null {
    const req = this.req;
    // node:http marks the request complete only after a microtask has run; by then a body of known
    // length is all there. A body past maxBodySize is refused as it streams.
    const partial = !req.complete && req.readableLength !== this.contentLength();
    if (partial || this.disconnected || (this.maxBodySize !== null && req.readableLength > this.maxBodySize)) return null;
    const body = req.read() as Buffer | null;
    this.bodyDone = this.requestComplete = true;
    return { type: "http.request", body: body ?? EMPTY, more_body: false };
  }

  /** The Content-Length header's value; -1 without one (a chunked body). */
  private contentLength(): number {
    const raw = this.req.rawHeaders;
    for (let i = 0; i < raw.length; i += 2) if (raw[i].length === 14 && raw[i].toLowerCase() === "content-length") return Number(raw[i + 1]);
    return -1;
  }

  private async pull(): Promise<Message> {
    if (!this.listening) this.listen();
    for (;;) {
      if (this.disconnected) return { type: "http.disconnect" };
      const chunk = this.chunks.shift();
      if (chunk !== undefined) {
        // The pause after each chunk keeps at most one queued, so the end never finds chunks still waiting.
        /* c8 ignore next -- the second operand is false only if that pause is ever dropped */
        this.requestComplete = this.bodyDone && this.chunks.length === 0;
        if (!this.bodyDone) this.req.resume();
        return { type: "http.request", body: chunk, more_body: !this.requestComplete };
      }
      if (this.bodyDone && !this.requestComplete) {
        this.requestComplete = true;
        return { type: "http.request", body: EMPTY, more_body: false };
      }
      // After the body, the only message left is the disconnect, once the response is done.
      if (this.responseDone || this.res.writableFinished) return { type: "http.disconnect" };
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  // Not async: most sends finish at once, and an async frame per send is measurable here.
  private sendMessage(message: Message): Promise<void> {
    try {
      return this.deliver(message) ?? RESOLVED;
    } catch (exc) {
      return Promise.reject(exc);
    }
  }

  /** Takes one message from the app; a promise only when the app must wait (a slow reader). */
  private deliver(message: Message): Promise<void> | undefined {
    if (this.disconnected) throw new ClientDisconnected();
    const res = this.res;
    if (message.type === "http.response.start") {
      if (this.started) throw new Error(`Unexpected ASGI message '${message.type}' sent, after response already started.`);
      this.started = true;
      this.status = message.status as number;
      this.headers = message.headers ?? [];
    } else if (message.type === "http.response.body") {
      if (!this.started) throw new Error(`Unexpected ASGI message '${message.type}' sent, before 'http.response.start'.`);
      if (this.responseDone) throw new Error(`Unexpected ASGI message '${message.type}' sent, after response already completed.`);
      if (!res.headersSent) {
        const flat: string[] = [];
        for (const [name, value] of this.headers) flat.push(name, value);
        res.writeHead(this.status, reasonPhrase(this.status) || undefined, flat);
      }
      const body = message.body ?? EMPTY;
      if (message.more_body) {
        if (!body.byteLength) return;
        this.out.push(body);
        this.outBytes += body.byteLength;
        const flushed = this.flushSoon();
        // Small chunks wait for the end of the turn (a chunk and the end then leave in one write). Past the
        // socket's high-water mark the app waits for its bytes to go out, and for a slow reader to catch up.
        if (this.outBytes >= res.writableHighWaterMark) return flushed.then(() => drained(res));
      } else {
        this.responseDone = true;
        if (body.byteLength) this.out.push(body);
        // Under light load, a response finished within its request event (no body read, nothing awaited)
        // leaves at once, as a plain node:http handler's would.
        if (this.inRequestEvent && this.flushed === null && this.batch.light) this.flushNow();
        // Not awaited: the app's frames are let go now rather than kept until the flush. Background
        // tasks start on a later turn (Response.runBackground), after the flush.
        else void this.flushSoon();
      }
    }
  }
}

function drained(res: ServerResponse): Promise<void> | undefined {
  if (!res.writableNeedDrain) return undefined;
  return new Promise<void>((resolve) => res.once("drain", resolve).once("close", resolve));
}

/** The scope of a request, "http" or "websocket", as uvicorn builds it. */
function makeScope(type: "http" | "websocket", req: IncomingMessage, target: string, ctx: RequestContext): Scope {
  const q = target.indexOf("?");
  const rawPath = q < 0 ? target : target.slice(0, q);
  const raw = req.rawHeaders;
  const headers: HeaderList = new Array(raw.length >> 1);
  for (let i = 0, j = 0; i < raw.length; i += 2, j++) headers[j] = [raw[i].toLowerCase(), raw[i + 1]];
  const socket = req.socket;
  const scope: Scope = {
    type,
    asgi: ASGI_VERSION,
    http_version: type === "http" ? req.httpVersion : "1.1",
    server: ctx.server,
    // Both are undefined once the socket is gone, both set before.
    /* c8 ignore next -- a socket is not gone yet when node:http emits its request */
    client: socket.remoteAddress ? [socket.remoteAddress, socket.remotePort as number] : null,
    scheme: type === "http" ? (ctx.secure ? "https" : "http") : ctx.secure ? "wss" : "ws",
    method: req.method as string,
    root_path: ctx.rootPath,
    // As uvicorn: the path keeps the root path in front (routing takes it off again).
    path: ctx.rootPath + unquotePath(rawPath),
    raw_path: ctx.rootPath + rawPath,
    query_string: q < 0 ? "" : target.slice(q + 1),
    headers,
    state: ctx.hasState ? { ...ctx.state } : {},
  };
  if (type === "websocket") {
    delete scope.method;
    const subprotocols: string[] = [];
    for (const [name, value] of headers) if (name === "sec-websocket-protocol") for (const token of value.split(",")) subprotocols.push(token.trim());
    scope.subprotocols = subprotocols;
    scope.extensions = { "websocket.http.response": {} };
  }
  if (ctx.trustedHosts !== null) applyProxyHeaders(scope, ctx.trustedHosts);
  return scope;
}

/**
 * Handle one request: build the scope, run the app, stream its answer; `done` runs once its
 * bytes are with the socket. Callbacks rather than an async function: this runs for every
 * request, and each await is a promise reaction more.
 */
function handle(app: ASGIApp, req: IncomingMessage, res: ServerResponse, ctx: RequestContext, done: () => void): void {
  // url and method are optional in node's types only because IncomingMessage is also a client's response.
  const target = req.url as string;
  const scope = makeScope("http", req, target, ctx);
  const finish = (): void => {
    done();
    logAccess(ctx, scope, target, req, res);
  };
  if (ctx.maxBodySize !== null && Number(req.headers["content-length"] ?? 0) > ctx.maxBodySize) {
    sendStatus(res, 413, true);
    req.resume();
    finish();
    return;
  }
  ctx.batch.arrive();
  const cycle = new Cycle(req, res, ctx.maxBodySize, ctx.batch);
  const completed = (): void => {
    if (!cycle.started) {
      ctx.log("ERROR:    ASGI callable returned without starting response.");
      sendError(res);
    } else if (!cycle.responseDone && !cycle.disconnected) {
      ctx.log("ERROR:    ASGI callable returned without completing response.");
      return dropWhenSent(cycle, res, finish);
    }
    cycle.whenSent(finish);
  };
  const failed = (exc: unknown): void => {
    if (!cycle.disconnected) {
      ctx.log(`ERROR:    Exception in ASGI application\n${exc instanceof Error ? (exc.stack ?? String(exc)) : String(exc)}`);
      if (!res.headersSent) sendError(res);
      else if (!cycle.responseDone) return dropWhenSent(cycle, res, finish);
    }
    cycle.whenSent(finish);
  };
  let running: Promise<void>;
  cycle.inRequestEvent = true;
  try {
    running = app(scope, cycle.receive, cycle.send);
  } catch (exc) {
    return failed(exc);
  } finally {
    cycle.inRequestEvent = false;
  }
  // Promise.resolve: an app written without async may return nothing.
  Promise.resolve(running).then(completed, failed);
}

/**
 * Drops a response the app left unfinished, once what it did send has gone out: node:http corks a
 * streamed response's socket until the next tick, which runs before this microtask.
 */
function dropWhenSent(cycle: Cycle, res: ServerResponse, finish: () => void): void {
  cycle.whenSent(() => {
    void RESOLVED.then(() => {
      res.destroy();
      finish();
    });
  });
}

function logAccess(ctx: RequestContext, scope: Scope, target: string, req: IncomingMessage, res: ServerResponse): void {
  if (!ctx.accessLog) return;
  // No client on a Unix socket: uvicorn leaves the address empty.
  const peer = scope.client ? `${scope.client[0]}:${scope.client[1]}` : "";
  const code = res.statusCode;
  ctx.log(`INFO:     ${peer} - "${scope.method} ${target} HTTP/${req.httpVersion}" ${code} ${reasonPhrase(code)}`);
}

const ASGI_VERSION = Object.freeze({ version: "3.0", spec_version: "2.4" });

function sendError(res: ServerResponse): void {
  if (!res.headersSent) sendStatus(res, 500);
}

/** A plain-text answer with the reason phrase, as uvicorn sends for its own errors. */
function sendStatus(res: ServerResponse, status: number, close = false): void {
  const text = reasonPhrase(status);
  const headers = ["content-type", "text/plain; charset=utf-8", "content-length", String(Buffer.byteLength(text))];
  if (close) headers.push("connection", "close");
  res.writeHead(status, text, headers);
  res.end(text);
}

interface RequestContext {
  server: [string, number] | null;
  /** Served over TLS: the scheme is https (wss). */
  secure: boolean;
  maxBodySize: number | null;
  rootPath: string;
  state: State;
  /** Whether the lifespan put anything in the state (else each request gets a fresh {}). */
  hasState: boolean;
  accessLog: boolean;
  log: (line: string) => void;
  batch: WriteBatch;
  /** The proxies whose X-Forwarded-* headers are believed; null with proxyHeaders off. */
  trustedHosts: TrustedHosts | null;
}

// As uvicorn's "auto" lifespan mode: a failure at shutdown is logged, never thrown, so a signal
// handler cannot turn it into an unhandled rejection; an app that raised without a
// lifespan.shutdown.failed is one that does not speak lifespan.
async function shutdownLifespan(lifespan: LifespanDriver, log: (line: string) => void): Promise<void> {
  if (lifespan.unsupported) return;
  log("INFO:     Waiting for application shutdown.");
  try {
    await lifespan.shutdown();
  } catch {
    if (lifespan.failure) log(`ERROR:    ${lifespan.failure}`);
    log("ERROR:    Application shutdown failed. Exiting.");
    return;
  }
  if (lifespan.unsupported) log("INFO:     ASGI 'lifespan' protocol appears unsupported.");
  log("INFO:     Application shutdown complete.");
}

/**
 * node:http's request, saying "upgrade" only for a websocket handshake; every other Upgrade
 * (h2c, say) is then served as a plain request, body and all, as uvicorn serves it, rather
 * than handed to the 'upgrade' listener. node:http sets `upgrade` before the headers are in
 * and reads it after.
 */
class Incoming extends IncomingMessage {
  private wantsUpgrade = false;
  get upgrade(): boolean {
    return this.wantsUpgrade && this.headers.upgrade?.toLowerCase() === "websocket";
  }
  set upgrade(value: boolean) {
    this.wantsUpgrade = value;
  }
}

/** uvicorn's line for a socket it could not listen on. */
function bindError(exc: NodeJS.ErrnoException, target: { path?: string; fd?: number; host?: string; port?: number }): string {
  /* c8 ignore next -- listen() errors carry an errno */
  const [, text] = getSystemErrorMap().get(exc.errno ?? 0) ?? ["", exc.message];
  const where = target.path ?? (target.fd !== undefined ? `fd ${target.fd}` : `('${target.host}', ${target.port})`);
  return `ERROR:    [Errno ${-(exc.errno as number)}] error while attempting to bind on address ${where}: ${text}`;
}

/** Drops the lines below `level`; a line's level is its prefix. */
function atLevel(log: (line: string) => void, level: number): (line: string) => void {
  if (level <= LEVELS.INFO) return log; // every line is INFO or above
  return (line) => {
    if (LEVELS[line.slice(0, line.indexOf(":"))] >= level) log(line);
  };
}

async function startupLifespan(lifespan: LifespanDriver, log: (line: string) => void): Promise<void> {
  log("INFO:     Waiting for application startup.");
  try {
    await lifespan.startup();
  } catch (exc) {
    // As uvicorn: the app's own message, or the exception ("on" mode), then the verdict.
    log(lifespan.failure !== null ? `ERROR:    ${lifespan.failure}` : `ERROR:    Exception in 'lifespan' protocol\n${exc instanceof Error ? exc.stack : String(exc)}`);
    log("ERROR:    Application startup failed. Exiting.");
    throw exc;
  }
  if (lifespan.unsupported) log("INFO:     ASGI 'lifespan' protocol appears unsupported.");
  else log("INFO:     Application startup complete.");
}

/** Waits for the requests in flight, at most `seconds` (null: as long as they take). */
async function drain(idle: Promise<void>, seconds: number | null, onTimeout: () => void): Promise<void> {
  if (seconds === null) return idle;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(resolve, seconds * 1000, true)));
  if (await Promise.race([idle.then(() => false), late])) onTimeout();
  clearTimeout(timer);
}

/** uvicorn's answer when --limit-concurrency is reached. */
const serviceUnavailable: ASGIApp = async (_scope, _receive, send) => {
  const headers: HeaderList = [["content-type", "text/plain; charset=utf-8"], ["content-length", "19"], ["connection", "close"]];
  await send({ type: "http.response.start", status: 503, headers });
  await send({ type: "http.response.body", body: Buffer.from("Service Unavailable"), more_body: false });
};

// node:fs and node:https are loaded when an option needs them: a Worker bundle of an app that
// imports the package root (workerd has neither) never evaluates them.
type Fs = typeof import("node:fs");
/* c8 ignore next 2 -- both run (the HTTPS and Unix socket tests), but V8 reports the range of a dynamic import() unexecuted */
const loadFs = (): Promise<Fs> => import("node:fs");
const loadHttps = (): Promise<typeof import("node:https")> => import("node:https");

function tlsFiles(fs: Fs, options: ServeOptions): { cert: Buffer; key: Buffer; passphrase?: string } {
  const cert = fs.readFileSync(options.sslCertfile as string);
  // Without a key file the certificate file holds the key too (Python's load_cert_chain).
  const key = options.sslKeyfile !== undefined ? fs.readFileSync(options.sslKeyfile) : cert;
  return { cert, key, ...(options.sslKeyfilePassword !== undefined ? { passphrase: options.sslKeyfilePassword } : {}) };
}

/** asyncio replaces a socket file left behind, and uvicorn keeps its permissions; a new one gets 0o666. */
function replaceSocketFile(fs: Fs, path: string): number {
  try {
    const stat = fs.lstatSync(path);
    if (stat.isSocket()) fs.unlinkSync(path); // anything else stays, and listening fails with EADDRINUSE
    return stat.mode & 0o777;
  } catch {
    return 0o666;
  }
}

const isWholeNumber = (v: unknown, max = Number.MAX_SAFE_INTEGER): boolean => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= max;
// setTimeout's longest delay is 2^31 - 1 ms.
const isSeconds = (v: unknown): boolean => typeof v === "number" && v >= 0 && v <= 2_147_483;

const SERVE_OPTIONS: Record<keyof ServeOptions, OptionRule> = {
  host: STRING,
  port: [(v) => isWholeNumber(v, 65535), "a whole number from 0 to 65535"],
  rootPath: STRING,
  accessLog: BOOLEAN,
  log: FUNCTION,
  handleSignals: BOOLEAN,
  uds: STRING,
  fd: [(v) => isWholeNumber(v), "a file descriptor (a whole number)"],
  sslKeyfile: STRING,
  sslCertfile: STRING,
  sslKeyfilePassword: STRING,
  timeoutKeepAlive: [isSeconds, "a number of seconds"],
  timeoutGracefulShutdown: [(v) => v === null || isSeconds(v), "a number of seconds, or null to wait as long as it takes"],
  limitConcurrency: [(v) => v === null || (isWholeNumber(v) && (v as number) > 0), "a whole number above 0, or null for no limit"],
  limitMaxRequests: [(v) => v === null || (isWholeNumber(v) && (v as number) > 0), "a whole number above 0, or null for no limit"],
  lifespan: [(v) => v === "auto" || v === "on" || v === "off", '"auto", "on" or "off"'],
  logLevel: [(v) => typeof v === "string" && v.toUpperCase() in LEVELS, '"critical", "error", "warning", "info", "debug" or "trace"'],
  maxBodySize: [(v) => v === null || isWholeNumber(v), "a whole number of bytes, or null for no limit"],
  proxyHeaders: BOOLEAN,
  forwardedAllowIps: [(v) => typeof v === "string" || (Array.isArray(v) && v.every((h) => typeof h === "string")), 'a comma-separated string or a list of addresses and networks ("*" for any)'],
  wsMaxSize: [(v) => isWholeNumber(v) && (v as number) > 0, "a whole number of bytes above 0"],
  wsMaxQueue: [(v) => isWholeNumber(v) && (v as number) > 0, "a whole number above 0"],
  wsPingInterval: [(v) => v === null || isSeconds(v), "a number of seconds, or null for no pings"],
  wsPingTimeout: [(v) => v === null || isSeconds(v), "a number of seconds, or null to wait forever"],
  wsPerMessageDeflate: BOOLEAN,
};

/**
 * Serve an ASGI app on node:http (uvicorn's role): runs the lifespan startup,
 * listens, and resolves to a handle whose close() shuts down gracefully.
 *
 * @example
 * const server = await serve(app, { port: 8000 });
 */
export async function serve(appLike: ASGIAppLike, options: ServeOptions = {}): Promise<ServerHandle> {
  // Before anything runs: `log: false` would otherwise fail at the first line logged.
  checkOptions("serve()", options, SERVE_OPTIONS);
  if (options.sslKeyfile !== undefined && options.sslCertfile === undefined) throw new TypeError('serve() option "sslKeyfile" needs "sslCertfile" too');
  const app = toApp(appLike);
  const host = options.host ?? "127.0.0.1";
  const level = LEVELS[(options.logLevel ?? "info").toUpperCase()];
  const log = atLevel(options.log ?? ((line: string) => console.error(line)), level);
  const state: State = {};
  const mode = options.lifespan ?? "auto";
  const lifespan = mode === "off" ? null : new LifespanDriver(app, state, mode === "auto");
  log(`INFO:     Started server process [${process.pid}]`);
  if (lifespan !== null) await startupLifespan(lifespan, log);

  const maxBodySize = options.maxBodySize ?? null;
  const ctx: RequestContext = {
    server: [host, 0],
    secure: options.sslCertfile !== undefined,
    maxBodySize,
    rootPath: options.rootPath ?? "",
    state,
    hasState: Object.keys(state).length > 0,
    accessLog: (options.accessLog ?? true) && level <= LEVELS.INFO,
    log,
    batch: new WriteBatch(),
    trustedHosts: (options.proxyHeaders ?? true) ? new TrustedHosts(options.forwardedAllowIps ?? process.env.FORWARDED_ALLOW_IPS ?? "127.0.0.1,::1") : null,
  };
  // Requests in flight, counted rather than kept in a set: close() waits for the count to reach 0.
  let inFlight = 0;
  let idle: (() => void) | null = null;
  const settled = (): void => {
    if (--inFlight === 0) idle?.();
  };
  const limitConcurrency = options.limitConcurrency ?? null;
  const limitMaxRequests = options.limitMaxRequests ?? null;
  let connections = 0;
  let served = 0;
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    // uvicorn counts the connection being served, and the requests in flight before this one.
    const busy = limitConcurrency !== null && (connections >= limitConcurrency || inFlight >= limitConcurrency);
    if (busy) log("WARNING:  Exceeded concurrency limit.");
    inFlight++;
    handle(busy ? serviceUnavailable : app, req, res, ctx, settled);
    if (++served === limitMaxRequests) {
      log(`INFO:     Maximum request limit of ${limitMaxRequests} exceeded. Terminating process.`);
      void handleClose();
    }
  };
  // node:https's server has node:http's methods (closeIdleConnections and the rest); its types do not say so.
  const fs = ctx.secure || options.uds !== undefined ? await loadFs() : null;
  const server = ctx.secure ? ((await loadHttps()).createServer({ IncomingMessage: Incoming, ...tlsFiles(fs as Fs, options) }, onRequest) as unknown as Server) : createServer({ IncomingMessage: Incoming }, onRequest);
  server.keepAliveTimeout = (options.timeoutKeepAlive ?? 5) * 1000;
  if (limitConcurrency !== null) {
    server.on("connection", (socket: Socket) => {
      connections++;
      socket.once("close", () => connections--);
    });
  }
  // Loads nothing until the first websocket handshake.
  const websockets = new WebSocketBridge(app, {
    maxSize: options.wsMaxSize ?? 16 * 1024 * 1024,
    maxQueue: options.wsMaxQueue ?? 32,
    pingInterval: options.wsPingInterval === undefined ? 20 : options.wsPingInterval,
    pingTimeout: options.wsPingTimeout === undefined ? 20 : options.wsPingTimeout,
    perMessageDeflate: options.wsPerMessageDeflate ?? true,
    accessLog: ctx.accessLog,
    log,
  });
  // Only websocket handshakes reach here (see Incoming); on node:http a socket is a net.Socket.
  server.on("upgrade", (req: IncomingMessage, socket: Socket, head: Buffer) => {
    inFlight++;
    void websockets.handle(makeScope("websocket", req, req.url as string, ctx), req, socket, head).finally(settled);
  });
  server.on("clientError", (err: NodeJS.ErrnoException, socket) => {
    // A request node:http cannot parse: answer 400 if the socket still can, as uvicorn does.
    if (socket.writable && err.code !== "ECONNRESET") socket.end("HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
    else socket.destroy();
  });
  const uds = options.uds;
  const udsMode = uds === undefined ? 0 : replaceSocketFile(fs as Fs, uds);
  /* c8 ignore next -- tests do not bind the default port, which the machine may be using */
  const target = uds !== undefined ? { path: uds } : options.fd !== undefined ? { fd: options.fd } : { port: options.port ?? 8000, host };
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(target, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (exc) {
    // As uvicorn: say why, and let the app shut down what its startup opened.
    log(bindError(exc as NodeJS.ErrnoException, target));
    if (lifespan !== null) await shutdownLifespan(lifespan, log);
    throw exc;
  }
  const scheme = ctx.secure ? "https" : "http";
  const address = server.address() as AddressInfo | string | null;
  let port = 0;
  let url: string;
  let where: string;
  if (address === null || typeof address === "string") {
    // A Unix socket: no server address in the scope, as with uvicorn. Node knows no name for one handed over by descriptor.
    ctx.server = null;
    const name = address ?? `fd ${options.fd}`;
    url = `${scheme}+unix://${encodeURIComponent(name)}`;
    where = uds !== undefined ? `unix socket ${name}` : `socket ${name}`;
    if (uds !== undefined) (fs as Fs).chmodSync(uds, udsMode);
  } else {
    port = address.port;
    const bound = options.fd !== undefined ? address.address : host;
    ctx.server = [bound, port];
    /* c8 ignore next -- tests listen on 127.0.0.1 only, never on an IPv6 address */
    url = `${scheme}://${bound.includes(":") ? `[${bound}]` : bound}:${port}`;
    where = options.fd !== undefined ? `socket ('${bound}', ${port})` : url;
  }
  const graceSeconds = options.timeoutGracefulShutdown ?? null;
  let markClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (markClosed = resolve));

  let closing: Promise<void> | null = null;
  const onSignal = (): void => void handleClose();
  const handleClose = (): Promise<void> =>
    (closing ??= (async () => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      log("INFO:     Shutting down");
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      websockets.shutdown();
      if (inFlight > 0) await drain(new Promise<void>((resolve) => (idle = resolve)), graceSeconds, () => log(`ERROR:    Cancel ${inFlight} running task(s), timeout graceful shutdown exceeded`));
      server.closeAllConnections();
      // Websocket connections are the server's no more: each ends with its closing handshake.
      await websockets.closed();
      await stopped;
      if (lifespan !== null) await shutdownLifespan(lifespan, log);
      log(`INFO:     Finished server process [${process.pid}]`);
      markClosed();
    })());
  if (options.handleSignals ?? true) {
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  }
  // Once the signals are handled: whoever reads this line may send one at once.
  log(`INFO:     Uvicorn-compatible server running on ${where} (Press CTRL+C to quit)`);
  return { server, host: uds ?? host, port, url, close: handleClose, closed };
}
