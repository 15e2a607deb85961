// The node:http <-> ASGI bridge: the part uvicorn plays for Python. No
// Starlette counterpart; its log lines follow uvicorn's so they read the same.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { LifespanDriver } from "./_lifespan.js";
import type { State } from "./datastructures.js";
import { reasonPhrase } from "./status.js";
import type { ASGIApp, ASGIAppLike, HeaderList, Message, Scope } from "./types.js";

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
}

export interface ServerHandle {
  readonly server: Server;
  readonly host: string;
  readonly port: number;
  readonly url: string;
  /** Stop accepting, finish the requests in flight, then run the lifespan shutdown. */
  close(): Promise<void>;
}

/** Thrown by send() once the client has gone (ASGI 2.4: an OSError). */
export class ClientDisconnected extends Error {
  readonly code = "ECONNRESET";
  constructor() {
    super("Client disconnected");
    this.name = "ClientDisconnected";
  }
}

const EMPTY = new Uint8Array(0);

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

/** Handle one request: build the scope, run the app, stream its answer. */
async function handle(app: ASGIApp, req: IncomingMessage, res: ServerResponse, ctx: RequestContext): Promise<void> {
  const target = req.url ?? "/";
  const q = target.indexOf("?");
  const rawPath = q < 0 ? target : target.slice(0, q);
  const raw = req.rawHeaders;
  const headers: HeaderList = [];
  for (let i = 0; i < raw.length; i += 2) headers.push([raw[i].toLowerCase(), raw[i + 1]]);
  const socket = req.socket;
  const scope: Scope = {
    type: "http",
    asgi: { version: "3.0", spec_version: "2.4" },
    http_version: req.httpVersion,
    server: [ctx.host, ctx.port],
    client: socket.remoteAddress ? [socket.remoteAddress, socket.remotePort ?? 0] : null,
    scheme: "http",
    method: req.method ?? "GET",
    root_path: ctx.rootPath,
    path: unquotePath(rawPath),
    raw_path: rawPath,
    query_string: q < 0 ? "" : target.slice(q + 1),
    headers,
    state: { ...ctx.state },
  };

  // ---- request side: body chunks, then a disconnect once the response is done or the client goes
  const chunks: Buffer[] = [];
  let bodyDone = false;
  let disconnected = false;
  let responseDone = false;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  req.on("data", (chunk: Buffer) => {
    chunks.push(chunk);
    req.pause(); // read on demand: the app pulls with receive()
    notify();
  });
  req.on("end", () => {
    bodyDone = true;
    notify();
  });
  res.on("close", () => {
    if (!res.writableFinished) disconnected = true;
    responseDone = true;
    notify();
  });

  let requestComplete = false;
  const receive = async (): Promise<Message> => {
    for (;;) {
      if (disconnected) return { type: "http.disconnect" };
      const chunk = chunks.shift();
      if (chunk !== undefined) {
        requestComplete = bodyDone && chunks.length === 0;
        if (!bodyDone) req.resume();
        return { type: "http.request", body: chunk, more_body: !requestComplete };
      }
      if (bodyDone && !requestComplete) {
        requestComplete = true;
        return { type: "http.request", body: EMPTY, more_body: false };
      }
      // After the body, the only message left is the disconnect, once the response is done.
      if (responseDone) return { type: "http.disconnect" };
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };

  // ---- response side
  let started = false;
  let status = 200;
  let responseHeaders: HeaderList = [];
  const send = async (message: Message): Promise<void> => {
    if (disconnected) throw new ClientDisconnected();
    if (message.type === "http.response.start") {
      if (started) throw new Error(`Unexpected ASGI message '${message.type}' sent, after response already started.`);
      started = true;
      status = message.status as number;
      responseHeaders = message.headers ?? [];
    } else if (message.type === "http.response.body") {
      if (!started) throw new Error(`Unexpected ASGI message '${message.type}' sent, before 'http.response.start'.`);
      if (responseDone) throw new Error(`Unexpected ASGI message '${message.type}' sent, after response already completed.`);
      if (!res.headersSent) res.writeHead(status, reasonPhrase(status) || undefined, responseHeaders.flat());
      const body = message.body ?? EMPTY;
      if (message.more_body) {
        if (body.byteLength && !res.write(body)) await new Promise<void>((resolve) => res.once("drain", resolve).once("close", resolve));
      } else {
        responseDone = true;
        res.end(body.byteLength ? body : undefined);
      }
    }
  };

  try {
    await app(scope, receive, send);
    if (!started) {
      ctx.log("ERROR:    ASGI callable returned without starting response.");
      sendError(res);
    } else if (!responseDone && !disconnected) {
      ctx.log("ERROR:    ASGI callable returned without completing response.");
      res.destroy();
    }
  } catch (exc) {
    if (!disconnected) {
      ctx.log(`ERROR:    Exception in ASGI application\n${exc instanceof Error ? (exc.stack ?? String(exc)) : String(exc)}`);
      if (!res.headersSent) sendError(res);
      else if (!res.writableEnded) res.destroy();
    }
  }
  if (ctx.accessLog) {
    const peer = scope.client ? `${scope.client[0]}:${scope.client[1]}` : "-";
    const code = res.headersSent ? res.statusCode : status;
    ctx.log(`INFO:     ${peer} - "${scope.method} ${target} HTTP/${req.httpVersion}" ${code} ${reasonPhrase(code)}`);
  }
}

function sendError(res: ServerResponse): void {
  if (res.headersSent) return;
  res.writeHead(500, "Internal Server Error", ["content-type", "text/plain; charset=utf-8", "content-length", "21"]);
  res.end("Internal Server Error");
}

interface RequestContext {
  host: string;
  port: number;
  rootPath: string;
  state: State;
  accessLog: boolean;
  log: (line: string) => void;
}

/**
 * Serve an ASGI app on node:http (uvicorn's role): runs the lifespan startup,
 * listens, and resolves to a handle whose close() shuts down gracefully.
 *
 * @example
 * const server = await serve(app, { port: 8000 });
 */
export async function serve(appLike: ASGIAppLike, options: ServeOptions = {}): Promise<ServerHandle> {
  const app = toApp(appLike);
  const host = options.host ?? "127.0.0.1";
  const log = options.log ?? ((line: string) => console.error(line));
  const state: State = {};
  const lifespan = new LifespanDriver(app, state, true);
  log(`INFO:     Started server process [${process.pid}]`);
  log("INFO:     Waiting for application startup.");
  await lifespan.startup();
  if (lifespan.unsupported) log("INFO:     ASGI 'lifespan' protocol appears unsupported.");
  else log("INFO:     Application startup complete.");

  const ctx: RequestContext = {
    host,
    port: 0,
    rootPath: options.rootPath ?? "",
    state,
    accessLog: options.accessLog ?? true,
    log,
  };
  const inFlight = new Set<Promise<void>>();
  const server = createServer((req, res) => {
    const task = handle(app, req, res, ctx);
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
  });
  server.on("clientError", (err: NodeJS.ErrnoException, socket) => {
    // A request node:http cannot parse: answer 400 if the socket still can, as uvicorn does.
    if (socket.writable && err.code !== "ECONNRESET") socket.end("HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 8000, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  ctx.port = port;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  log(`INFO:     Uvicorn-compatible server running on ${url} (Press CTRL+C to quit)`);

  let closing: Promise<void> | null = null;
  const onSignal = (): void => void handleClose();
  const handleClose = (): Promise<void> =>
    (closing ??= (async () => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      log("INFO:     Shutting down");
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.allSettled([...inFlight]);
      server.closeAllConnections();
      await stopped;
      log("INFO:     Waiting for application shutdown.");
      await lifespan.shutdown();
      log("INFO:     Application shutdown complete.");
      log(`INFO:     Finished server process [${process.pid}]`);
    })());
  if (options.handleSignals ?? true) {
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  }
  return { server, host, port, url, close: handleClose };
}
