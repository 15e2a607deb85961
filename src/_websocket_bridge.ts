// Port of uvicorn/protocols/websockets/websockets_sansio_impl.py (uvicorn 0.54, what its
// "auto" picks beside websockets 17.1) onto the `ws` package: the ASGI websocket messages
// over node:http's upgrade. The one module that imports `ws`, and only when the first
// upgrade request arrives, so an app that never sees one never loads it (decision 11).
import { randomBytes } from "node:crypto";
import { type IncomingMessage, validateHeaderName, validateHeaderValue } from "node:http";
import type { Socket } from "node:net";
import type { WebSocket, WebSocketServer } from "ws";
import { RESOLVED } from "./_utils.js";
import { reasonPhrase } from "./status.js";
import type { ASGIApp, HeaderList, Message, Scope } from "./types.js";

/** Thrown by send() once the client has gone (ASGI 2.4: an OSError). */
export class ClientDisconnected extends Error {
  readonly code = "ECONNRESET";
  constructor() {
    super("Client disconnected");
    this.name = "ClientDisconnected";
  }
}

/** serve()'s websocket options, resolved. */
export interface WebSocketSettings {
  /** Largest message, in bytes (uvicorn's ws_max_size). */
  maxSize: number;
  /** Received messages held for the app before reading pauses (ws_max_queue). */
  maxQueue: number;
  /** Seconds between keepalive pings; null for none (ws_ping_interval). */
  pingInterval: number | null;
  /** Seconds to wait for the pong; null to wait forever (ws_ping_timeout). */
  pingTimeout: number | null;
  perMessageDeflate: boolean;
  /** The per-connection INFO lines ("[accepted]", "connection open"), as the access log. */
  accessLog: boolean;
  log: (line: string) => void;
}

type WsModule = typeof import("ws");

let loading: Promise<WsModule> | null = null;
// A specifier bundlers do not follow: a Worker or Deno bundle of an app never pulls ws (nor its
// node:http, node:zlib) in; serve() is the only caller, and it runs on Node.
const WS_PACKAGE = "ws";

function loadWs(): Promise<WsModule> {
  /* c8 ignore next -- runs on every first upgrade, but V8 reports the range of a dynamic import() unexecuted */
  loading = import(WS_PACKAGE) as Promise<WsModule>;
  return loading;
}

// websockets' ServerPerMessageDeflateFactory as uvicorn configures it.
const DEFLATE = { serverMaxWindowBits: 12, zlibDeflateOptions: { memLevel: 5 } };
// uvicorn's close_timeout: how long a closing handshake may take before the socket is dropped.
const CLOSE_TIMEOUT_MS = 10_000;
const OPEN = 1;
// Bytes a client may send before its handshake is answered that are read and held.
const EARLY_LIMIT = 64 * 1024;
const BINARY = { binary: true };
const TEXT = { binary: false };

/**
 * The three ws servers (none listens: they only complete handshakes): with deflate, limiting the
 * client's window to 12 bits when the client offers that; with deflate, not limiting it (ws would
 * refuse an offer without the parameter, websockets accepts it); without, for offers ws cannot accept.
 */
interface Servers {
  limited: WebSocketServer | null;
  deflate: WebSocketServer | null;
  plain: WebSocketServer;
}

/** The websocket side of serve(): one per server, loading ws on the first upgrade. */
export class WebSocketBridge {
  private servers: Servers | null = null;
  private readonly sessions = new Set<Session>();
  private readonly byRequest = new WeakMap<IncomingMessage, Session>();
  private idle: (() => void) | null = null;

  constructor(
    private readonly app: ASGIApp,
    private readonly settings: WebSocketSettings,
  ) {}

  private async load(): Promise<Servers> {
    const ws = await (loading ?? loadWs());
    const make = (deflate: object | false): WebSocketServer => {
      const server = new ws.WebSocketServer({
        noServer: true,
        clientTracking: false,
        maxPayload: this.settings.maxSize,
        perMessageDeflate: deflate,
        closeTimeout: CLOSE_TIMEOUT_MS,
        // The subprotocol is the app's to choose, in websocket.accept.
        handleProtocols: () => false,
        // Called once ws has checked the handshake: the app decides, the callback completes it.
        verifyClient: (info: { req: IncomingMessage }, done: (ok: boolean) => void) => this.byRequest.get(info.req)?.verified(done),
      } as ConstructorParameters<WsModule["WebSocketServer"]>[0] & { closeTimeout: number });
      server.on("headers", (headers, req) => this.byRequest.get(req)?.responseHeaders(headers));
      server.on("wsClientError", (err, _socket, req) => this.byRequest.get(req)?.refused(err));
      return server;
    };
    const on = this.settings.perMessageDeflate;
    this.servers = {
      limited: on ? make({ ...DEFLATE, clientMaxWindowBits: 12 }) : null,
      deflate: on ? make(DEFLATE) : null,
      plain: make(false),
    };
    return this.servers;
  }

  /** Serves one upgrade request; resolves once the app has returned. */
  async handle(scope: Scope, req: IncomingMessage, socket: Socket, head: Buffer): Promise<void> {
    const session = new Session(this.app, scope, req, socket, this.settings, this);
    this.sessions.add(session);
    const servers = this.servers ?? (await this.load());
    const problem = checkHandshake(req);
    if (problem !== null) return session.rejectHandshake(problem);
    this.byRequest.set(req, session);
    session.upgrade(servers, head);
    return session.run();
  }

  forget(session: Session): void {
    this.sessions.delete(session);
    if (this.sessions.size === 0) this.idle?.();
  }

  /** uvicorn's shutdown: 1012 to the open connections, 500 to those still in their handshake. */
  shutdown(): void {
    for (const session of this.sessions) session.shutdown();
  }

  /** Resolves once every websocket connection has closed. */
  closed(): Promise<void> {
    if (this.sessions.size === 0) return RESOLVED;
    return new Promise((resolve) => (this.idle = resolve));
  }
}

interface Problem {
  status: number;
  text: string;
  headers?: string[];
}

function values(req: IncomingMessage, name: string): string[] {
  const raw = req.rawHeaders;
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2) if (raw[i].length === name.length && raw[i].toLowerCase() === name) out.push(raw[i + 1]);
  return out;
}

// binascii.a2b_base64 in strict mode (CPython 3.11), for the reason websockets appends to a bad key.
function base64Problem(key: string): string {
  if (key.startsWith("=")) return "; Leading padding not allowed";
  let quad = 0;
  let pads = 0;
  let data = 0;
  let padding = false;
  for (let i = 0; i < key.length; i++) {
    const c = key[i];
    if (c === "=") {
      padding = true;
      if (quad >= 2 && quad + ++pads >= 4) return i + 1 < key.length ? "; Excess data after padding" : "";
      continue;
    }
    if (!/[A-Za-z0-9+/]/.test(c)) return "; Only base64 data is allowed";
    if (padding) return "; Discontinuous padding not allowed";
    pads = 0;
    data++;
    quad = (quad + 1) % 4;
  }
  if (quad === 1) return `; Invalid base64-encoded string: number of data characters (${data}) cannot be 1 more than a multiple of 4`;
  return quad === 0 ? "" : "; Incorrect padding";
}

/** websockets' ServerProtocol.process_request checks that ws does not make, with its messages. */
function checkHandshake(req: IncomingMessage): Problem | null {
  const fail = (text: string, status = 400, headers?: string[]): Problem => ({ status, text: `Failed to open a WebSocket connection: ${text}.\n`, headers });
  if (req.method !== "GET") return fail(`unsupported HTTP method: ${req.method as string}`, 405, ["Allow: GET"]);
  const keys = values(req, "sec-websocket-key");
  if (keys.length === 0) return fail("missing Sec-WebSocket-Key header");
  if (keys.length > 1) return fail("invalid Sec-WebSocket-Key header: multiple values");
  const key = keys[0];
  if (!/^[A-Za-z0-9+/]{22}==$/.test(key)) return fail(`invalid Sec-WebSocket-Key header: ${key}${base64Problem(key)}`);
  const versions = values(req, "sec-websocket-version");
  if (versions.length === 0) return fail("missing Sec-WebSocket-Version header");
  if (versions.length > 1) return fail("invalid Sec-WebSocket-Version header: multiple values");
  if (versions[0] !== "13") return fail(`invalid Sec-WebSocket-Version header: ${versions[0]}`);
  if (values(req, "origin").length > 1) return fail("invalid Origin header: multiple values");
  for (const [name, item] of [["Sec-WebSocket-Extensions", "extension"], ["Sec-WebSocket-Protocol", "token"]] as const) {
    for (const header of values(req, name.toLowerCase())) {
      const problem = listProblem(header, name, item);
      if (problem !== null) return fail(problem);
    }
  }
  return null;
}

const TOKEN = /[-!#$%&'*+.^_`|~0-9a-zA-Z]+/y;
const OWS = /[\t ]*/y;
const QUOTED = /"(?:[\t\x20-\x21\x23-\x5b\x5d-\x7e]|\\[\t\x20-\x7e\x80-\xff])*"/y;

/** websockets' header parsers (websockets/headers.py): each returns the position after what it read. */
class HeaderParser {
  constructor(private readonly header: string) {}

  private match(re: RegExp, pos: number, expected: string): number {
    re.lastIndex = pos;
    if (!re.test(this.header)) throw new Error(`expected ${expected} at ${pos}`);
    return re.lastIndex;
  }

  ows(pos: number): number {
    return this.match(OWS, pos, "whitespace");
  }

  token(pos: number): number {
    return this.match(TOKEN, pos, "token");
  }

  /** parse_list: items separated by commas, empty elements allowed (RFC 7230 7). */
  list(item: (pos: number) => number): void {
    const header = this.header;
    let pos = 0;
    while (header[pos] === ",") pos = this.ows(pos + 1);
    for (;;) {
      pos = this.ows(item(pos));
      if (pos === header.length) return;
      if (header[pos] !== ",") throw new Error(`expected comma at ${pos}`);
      while (header[pos] === ",") pos = this.ows(pos + 1);
      if (pos === header.length) return;
    }
  }

  /** parse_extension_item: a name, then `; param[=value]`s, a value a token or a quoted token. */
  extension = (at: number): number => {
    let pos = this.ows(this.token(at));
    while (this.header[pos] === ";") {
      pos = this.ows(this.token(this.ows(pos + 1)));
      if (this.header[pos] !== "=") continue;
      pos = this.ows(pos + 1);
      if (this.header[pos] === '"') {
        const start = pos;
        pos = this.match(QUOTED, pos, "quoted string");
        const value = this.header.slice(start + 1, pos - 1).replace(/\\(.)/g, "$1");
        TOKEN.lastIndex = 0;
        if (!(TOKEN.test(value) && TOKEN.lastIndex === value.length)) throw new Error(`invalid quoted header content at ${start}`);
      } else pos = this.token(pos);
      pos = this.ows(pos);
    }
    return pos;
  };
}

/** The problem websockets finds in a list header, or null. */
function listProblem(header: string, name: string, item: "token" | "extension"): string | null {
  const parser = new HeaderParser(header);
  try {
    parser.list(item === "token" ? (pos) => parser.token(pos) : parser.extension);
    return null;
  } catch (err) {
    return `invalid ${name} header: ${(err as Error).message} in ${header}`;
  }
}

let dateSecond = -1;
let dateText = "";
/** The Date header, formatted once a second. */
function httpDate(): string {
  const now = Date.now();
  const second = Math.floor(now / 1000);
  if (second !== dateSecond) {
    dateSecond = second;
    dateText = new Date(now).toUTCString();
  }
  return dateText;
}

const DEFLATE_PARAMS = ["server_no_context_takeover", "client_no_context_takeover", "server_max_window_bits", "client_max_window_bits"];
// ws lists the accepted parameters in the order of the offer; websockets in this one.
function deflateInWebsocketsOrder(line: string): string {
  const [name, ...params] = line.slice("Sec-WebSocket-Extensions: ".length).split("; ");
  const rank = (param: string): number => DEFLATE_PARAMS.indexOf(param.split("=")[0]);
  return `Sec-WebSocket-Extensions: ${[name, ...params.sort((a, b) => rank(a) - rank(b))].join("; ")}`;
}

function checkHeaders(headers: HeaderList): void {
  for (const [name, value] of headers) {
    validateHeaderName(name);
    validateHeaderValue(name, value);
  }
}

/** ws's status code for a protocol error it has just failed the connection with. */
function errorCode(err: Error): number {
  // ws keeps it under a symbol of its own (lib/constants.js kStatusCode).
  const symbol = Object.getOwnPropertySymbols(err).find((s) => s.description === "status-code");
  /* c8 ignore next -- every error ws's receiver emits carries its close code */
  if (symbol === undefined) return 1006;
  return (err as unknown as Record<symbol, number>)[symbol];
}

/**
 * One websocket connection (uvicorn's WebSocketsSansIOProtocol): the app's receive and send,
 * the handshake it completes or refuses, the keepalive pings, and the close.
 */
class Session {
  private readonly queue: Message[] = [{ type: "websocket.connect" }];
  private waiter: ((message: Message) => void) | null = null;
  private disconnect: Message | null = null;
  private verify: ((ok: boolean) => void) | null = null;
  private ws: WebSocket | null = null;
  private server: WebSocketServer | null = null;
  private servers: Servers | null = null;
  private head: Buffer = Buffer.alloc(0);
  private extraHeaders: string[] = [];
  private handshakeComplete = false;
  private initialResponse: { status: number; headers: HeaderList; body: Uint8Array[] } | null = null;
  private closeSent = false;
  private disconnected = false;
  private paused = false;
  private pendingWrites = 0;
  // With permessage-deflate ws holds messages while zlib works: their callbacks tell when they are out.
  private compressing = false;
  private drain: (() => void) | null = null;
  private ending = false;
  private pingTimer: NodeJS.Timeout | null = null;
  private pongTimer: NodeJS.Timeout | null = null;
  private pendingPing: Buffer | null = null;
  private pingSentAt = 0;
  private lastRtt = 0;

  constructor(
    private readonly app: ASGIApp,
    private readonly scope: Scope,
    private readonly req: IncomingMessage,
    private readonly socket: Socket,
    private readonly settings: WebSocketSettings,
    private readonly bridge: WebSocketBridge,
  ) {
    socket.on("error", this.onSocketError);
    socket.once("close", this.onSocketClose);
  }

  private info(line: string): void {
    if (this.settings.accessLog) this.settings.log(`INFO:     ${line}`);
  }

  /** An access line about the request, built only when it is logged. */
  private access(outcome: string): void {
    if (this.settings.accessLog) this.info(`${this.target} ${outcome}`);
  }

  private get target(): string {
    const client = this.scope.client;
    /* c8 ignore next -- scope.client is null only for a socket gone before its request (see server.ts) */
    const peer = client ? `${client[0]}:${client[1]}` : "";
    return `${peer} - "WebSocket ${this.req.url as string}"`;
  }

  private onSocketError = (): void => {
    this.socket.destroy();
  };

  private onSocketClose = (): void => {
    if (this.ws === null) {
      this.disconnected = true;
      this.handshakeComplete = true;
      this.push({ type: "websocket.disconnect", code: 1006 });
    }
    const drain = this.drain;
    this.drain = null;
    drain?.();
    this.bridge.forget(this);
  };

  // ---- the handshake

  rejectHandshake(problem: Problem): void {
    this.write(problem.status, problem.headers ?? [], Buffer.from(problem.text), true);
  }

  /** Hands the request to the ws server fit for its extension offer; ws calls verified() if it is sound. */
  upgrade(servers: Servers, head: Buffer): void {
    this.servers = servers;
    this.head = head;
    const offer = this.req.headers["sec-websocket-extensions"];
    const limited = offer !== undefined && /client_max_window_bits/i.test(offer) ? servers.limited : servers.deflate;
    this.server = limited ?? servers.plain;
    // Checked above as websockets does; the subprotocol is the app's to pick, so ws need not see the offer.
    delete this.req.headers["sec-websocket-protocol"];
    this.server.handleUpgrade(this.req, this.socket, head, this.opened);
  }

  verified(done: (ok: boolean) => void): void {
    this.verify = done;
    // While the app decides, the socket is read so that a client leaving is seen at once (as
    // uvicorn's transport sees it); what it sends early is kept for ws, and past a limit not read.
    this.socket.on("data", this.early);
    // node:http's sockets allow half-open connections: a client's FIN would otherwise go unseen.
    this.socket.on("end", this.onSocketError);
    this.socket.resume();
  }

  private readonly earlyChunks: Buffer[] = [];
  private earlyBytes = 0;
  private early = (chunk: Buffer): void => {
    this.earlyChunks.push(chunk);
    this.earlyBytes += chunk.length;
    if (this.earlyBytes > EARLY_LIMIT) this.socket.pause();
  };

  /** Hands the socket's reading back to ws, bytes read early first. */
  private handBack(): void {
    this.socket.off("data", this.early);
    this.socket.off("end", this.onSocketError);
    if (this.earlyChunks.length > 0) this.socket.unshift(Buffer.concat(this.earlyChunks));
    if (this.socket.isPaused()) this.socket.resume();
  }

  /** ws refused the handshake (a Sec-WebSocket-Extensions offer it cannot take). */
  refused(err: Error): void {
    const servers = this.servers as Servers;
    if (this.server !== servers.plain && /Extensions/.test(err.message)) {
      // A well-formed offer (checkHandshake parsed it) that ws's negotiation cannot accept:
      // websockets declines the extension rather than the connection, so the handshake goes on without it.
      this.server = servers.plain;
      servers.plain.handleUpgrade(this.req, this.socket, this.head, this.opened);
      return;
    }
    /* c8 ignore next 3 -- checkHandshake makes every other check ws makes, first: kept should a ws release add one */
    const text = err.message.charAt(0).toLowerCase() + err.message.slice(1);
    this.rejectHandshake({ status: 400, text: `Failed to open a WebSocket connection: ${text}.\n` });
  }

  /** ws's 'headers' event: the 101's lines, to which the app's accept adds its own. */
  responseHeaders(lines: string[]): void {
    const at = lines.findIndex((line) => line.startsWith("Sec-WebSocket-Extensions: "));
    if (at >= 0) lines[at] = deflateInWebsocketsOrder(lines[at]);
    lines.push(...this.extraHeaders);
  }

  private opened = (ws: WebSocket): void => {
    this.ws = ws;
    this.compressing = ws.extensions !== "";
    this.socket.off("error", this.onSocketError);
    ws.on("message", this.onMessage);
    ws.on("close", this.onClose);
    ws.on("error", this.onError);
    ws.on("pong", this.onPong);
  };

  /**
   * Writes an HTTP response in place of the 101 and closes (websockets' Response.serialize). Its
   * own refusals put Date, Connection, Content-Length and Content-Type first and any extra header
   * after; the app's denial response keeps its headers first, those four added where missing.
   */
  private write(status: number, headers: string[], body: Uint8Array, own: boolean): void {
    const has = (name: string): boolean => headers.some((line) => line.slice(0, name.length + 1).toLowerCase() === `${name}:`);
    const defaults: string[] = [];
    if (own || !has("date")) defaults.push(`Date: ${httpDate()}`);
    if (own || !has("connection")) defaults.push("Connection: close");
    if (own || !has("content-length")) defaults.push(`Content-Length: ${body.byteLength}`);
    if (own || !has("content-type")) defaults.push("Content-Type: text/plain; charset=utf-8");
    const lines = own ? [...defaults, ...headers] : [...headers, ...defaults];
    this.handshakeComplete = true;
    this.closeSent = true;
    this.info(`connection rejected (${status} ${reasonPhrase(status)})`);
    if (this.socket.writable) {
      const head = `HTTP/1.1 ${status} ${reasonPhrase(status)}\r\n${lines.join("\r\n")}\r\n\r\n`;
      this.socket.write(Buffer.concat([Buffer.from(head, "latin1"), body]));
    }
    this.socket.destroySoon();
  }

  private reject500(): void {
    if (this.initialResponse !== null || this.handshakeComplete) return;
    this.write(500, [], Buffer.from("Internal Server Error"), true);
  }

  // ---- the app

  async run(): Promise<void> {
    /* c8 ignore next -- ws refused the handshake and answered (the fallback in refused()) */
    if (this.verify === null) return;
    const log = this.settings.log;
    try {
      await this.app(this.scope, this.receive, this.send);
      if (!this.handshakeComplete && this.initialResponse === null) {
        log("ERROR:    ASGI callable returned without completing handshake.");
        this.reject500();
      }
    } catch (exc) {
      if (!(exc instanceof ClientDisconnected)) {
        log(`ERROR:    Exception in ASGI application\n${String(exc instanceof Error ? exc.stack : exc)}`);
        // After the handshake, RFC 6455's 1011 rather than uvicorn's dropped connection (decision 11).
        if (this.ws !== null) this.closeWith(1011, "");
        else this.reject500();
      }
    }
    if (!this.closeSent) this.end();
  }

  /**
   * uvicorn's transport.close() once the app has returned: what it sent goes out, then the
   * connection is dropped without a close frame. A closing handshake under way is left to finish.
   */
  private end(): void {
    const ws = this.ws;
    if (ws === null || (ws.readyState === OPEN && this.pendingWrites === 0)) this.socket.destroySoon();
    else if (ws.readyState === OPEN) this.ending = true;
  }

  private push(message: Message): void {
    if (message.type === "websocket.disconnect") {
      if (this.disconnect !== null) return;
      this.disconnect = message;
    }
    const waiter = this.waiter;
    if (waiter !== null) {
      this.waiter = null;
      waiter(message);
      return;
    }
    this.queue.push(message);
    if (this.queue.length >= this.settings.maxQueue && this.ws !== null && !this.paused) {
      this.paused = true;
      this.ws.pause();
    }
  }

  readonly receive = (): Promise<Message> => {
    const message = this.queue.shift();
    if (message !== undefined) {
      if (this.paused && this.queue.length === 0) {
        this.paused = false;
        (this.ws as WebSocket).resume();
      }
      return Promise.resolve(message);
    }
    // Past the disconnect the app is told again, rather than left waiting for nothing.
    if (this.disconnect !== null) return Promise.resolve(this.disconnect);
    return new Promise((resolve) => (this.waiter = resolve));
  };

  // Not async: most sends finish at once, and an async frame per message is measurable.
  readonly send = (message: Message): Promise<void> => {
    try {
      return this.deliver(message) ?? RESOLVED;
    } catch (exc) {
      return Promise.reject(exc);
    }
  };

  private deliver(message: Message): Promise<void> | undefined {
    if (this.disconnected) throw new ClientDisconnected();
    const type = message.type;
    if (!this.handshakeComplete && this.initialResponse === null) {
      if (type === "websocket.accept") this.accept(message);
      else if (type === "websocket.close") {
        this.push({ type: "websocket.disconnect", code: 1006 });
        this.access("403");
        this.write(403, [], Buffer.alloc(0), true);
      } else if (type === "websocket.http.response.start") {
        const status = message.status as number;
        if (!(status >= 100 && status < 600)) throw new Error(`Invalid HTTP status code '${status}' in response.`);
        const headers = message.headers ?? [];
        checkHeaders(headers);
        this.access(String(status));
        this.initialResponse = { status, headers, body: [] };
      } else {
        throw new Error(`Expected ASGI message 'websocket.accept', 'websocket.close' or 'websocket.http.response.start' but got '${type}'.`);
      }
      return;
    }
    const ws = this.ws;
    if (ws !== null && !this.closeSent) {
      if (type === "websocket.send") {
        if (ws.readyState !== OPEN) throw new ClientDisconnected();
        const bytes = message.bytes;
        const text = message.text;
        if (bytes !== undefined && bytes !== null) {
          if (!(bytes instanceof Uint8Array)) throw new TypeError(`websocket.send's "bytes" must be a Uint8Array, got ${typeof bytes}`);
          ws.send(bytes, BINARY, this.compressing ? this.written : undefined);
        } else if (text !== undefined && text !== null) {
          if (typeof text !== "string") throw new TypeError(`websocket.send's "text" must be a string, got ${typeof text}`);
          ws.send(text, TEXT, this.compressing ? this.written : undefined);
        } else return;
        if (this.compressing) this.pendingWrites++;
        // A slow reader: past the socket's high-water mark the app waits for the bytes to go out.
        if (ws.bufferedAmount > this.socket.writableHighWaterMark) return this.waitForDrain();
      } else if (type === "websocket.close") {
        const code = (message.code as number | undefined) ?? 1000;
        const reason = (message.reason as string | null | undefined) ?? "";
        if (ws.readyState === OPEN) {
          this.closeWith(code, reason);
          this.push({ type: "websocket.disconnect", code, reason });
          if (this.paused) {
            this.paused = false;
            ws.resume();
          }
        }
      } else {
        throw new Error(`Expected ASGI message 'websocket.send' or 'websocket.close', but got '${type}'.`);
      }
      return;
    }
    const response = this.initialResponse;
    if (response !== null && !this.handshakeComplete) {
      if (type !== "websocket.http.response.body") throw new Error(`Expected ASGI message 'websocket.http.response.body' but got '${type}'.`);
      const body = (message.body as Uint8Array | undefined) ?? new Uint8Array(0);
      response.body.push(body);
      if (!message.more_body) {
        this.push({ type: "websocket.disconnect", code: 1006 });
        this.write(response.status, response.headers.map(([name, value]) => `${name}: ${value}`), Buffer.concat(response.body), false);
      }
      return;
    }
    throw new Error(`Unexpected ASGI message '${type}', after sending 'websocket.close'.`);
  }

  private accept(message: Message): void {
    const headers = message.headers ?? [];
    checkHeaders(headers);
    const subprotocol = message.subprotocol as string | null | undefined;
    if (subprotocol) validateHeaderValue("Sec-WebSocket-Protocol", subprotocol);
    this.access("[accepted]");
    const lines = [`date: ${httpDate()}`];
    for (const [name, value] of headers) lines.push(`${name.toLowerCase()}: ${value}`);
    // Sent even when the client offered none: websockets' client then refuses it, as with uvicorn.
    if (subprotocol) lines.push(`Sec-WebSocket-Protocol: ${subprotocol}`);
    this.extraHeaders = lines;
    this.handshakeComplete = true;
    this.handBack();
    (this.verify as (ok: boolean) => void)(true);
    if (this.ws === null) {
      // The client left before the 101 could go out: ws dropped the socket.
      this.disconnected = true;
      this.push({ type: "websocket.disconnect", code: 1006 });
      return;
    }
    this.info("connection open");
    this.startKeepalive();
  }

  private waitForDrain(): Promise<void> {
    return new Promise((resolve) => {
      this.drain = resolve;
      // Uncompressed, every byte is in the socket's buffer already: its 'drain' says when it has gone.
      if (!this.compressing) this.socket.once("drain", this.drained);
    });
  }

  private drained = (): void => {
    const drain = this.drain;
    this.drain = null;
    (drain as () => void)();
  };

  private written = (): void => {
    this.pendingWrites--;
    const ws = this.ws as WebSocket;
    if (this.drain !== null && ws.bufferedAmount <= this.socket.writableHighWaterMark) {
      const drain = this.drain;
      this.drain = null;
      drain();
    }
    if (this.ending && this.pendingWrites === 0) this.socket.destroySoon();
  };

  /** The app's close (or its crash): a close frame, then the client's answer is awaited. */
  private closeWith(code: number, reason: string): void {
    this.failWith(code, reason);
    this.closeSent = true;
  }

  /** A close frame the app did not ask for: its sends raise ClientDisconnected from now on. */
  private failWith(code: number, reason: string): void {
    const ws = this.ws as WebSocket;
    this.stopKeepalive();
    if (ws.readyState === OPEN) ws.close(code, reason);
  }

  // ---- ws's events

  private onMessage = (data: Buffer, isBinary: boolean): void => {
    // Past its close the app reads nothing more; the client's close reply is still awaited.
    if (this.closeSent) return;
    this.push(isBinary ? { type: "websocket.receive", bytes: data } : { type: "websocket.receive", text: data.toString() });
  };

  private onError = (err: Error): void => {
    // ws has failed the connection (too big, bad UTF-8, a protocol error) and sent the close frame.
    this.stopKeepalive();
    this.push({ type: "websocket.disconnect", code: errorCode(err), reason: "" });
  };

  private onClose = (code: number, reason: Buffer): void => {
    this.disconnected = true;
    this.stopKeepalive();
    // No close frame from the client: uvicorn reports 1005 once the handshake is done.
    this.push(code === 1006 ? { type: "websocket.disconnect", code: 1005 } : { type: "websocket.disconnect", code, reason: reason.toString() });
  };

  // ---- keepalive

  private startKeepalive(): void {
    const interval = this.settings.pingInterval;
    if (interval !== null && interval > 0) this.schedulePing();
  }

  private schedulePing(): void {
    const delay = Math.max(0, (this.settings.pingInterval as number) - this.lastRtt);
    this.pingTimer = setTimeout(this.sendPing, delay * 1000).unref();
  }

  private stopKeepalive(): void {
    if (this.pingTimer !== null) clearTimeout(this.pingTimer);
    if (this.pongTimer !== null) clearTimeout(this.pongTimer);
    this.pingTimer = this.pongTimer = this.pendingPing = null;
  }

  private sendPing = (): void => {
    this.pingTimer = null;
    const ws = this.ws as WebSocket;
    // A random payload identifies this ping: a stale or unsolicited pong does not answer it.
    this.pendingPing = randomBytes(4);
    this.pingSentAt = performance.now();
    ws.ping(this.pendingPing);
    const timeout = this.settings.pingTimeout;
    if (timeout !== null) this.pongTimer = setTimeout(this.keepaliveTimeout, timeout * 1000).unref();
    else this.schedulePing();
  };

  private onPong = (data: Buffer): void => {
    if (this.pendingPing === null || !data.equals(this.pendingPing)) return;
    this.lastRtt = (performance.now() - this.pingSentAt) / 1000;
    this.pendingPing = null;
    if (this.pongTimer !== null) {
      clearTimeout(this.pongTimer);
      this.pongTimer = null;
      this.schedulePing();
    }
  };

  private keepaliveTimeout = (): void => {
    this.pongTimer = null;
    this.failWith(1011, "keepalive ping timeout");
    // The client is not answering: drop it at once, as uvicorn does, rather than await its close.
    this.socket.destroySoon();
  };

  // ---- shutdown

  shutdown(): void {
    if (this.ws === null) {
      this.reject500();
      this.socket.destroySoon();
      return;
    }
    if (this.closeSent) return; // its closing handshake is under way
    this.push({ type: "websocket.disconnect", code: 1012 });
    this.failWith(1012, "");
  }
}
