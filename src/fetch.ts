// The Fetch API <-> ASGI bridge: an app as the `fetch` handler that Bun, Deno,
// Cloudflare Workers (workerd) and other Web-standard runtimes call. No
// Starlette counterpart; it does for those runtimes what server.ts does on node:http.
import { errorText, Exchange, internalServerError, latin1 } from "./_fetch_exchange.js";
import { LifespanDriver } from "./_lifespan.js";
import { checkOptions, FUNCTION, STRING, type OptionRule } from "./_options.js";
import type { State } from "./datastructures.js";
import type { ASGIApp, ASGIAppLike, HeaderList, Scope } from "./types.js";

export { ClientDisconnected } from "./_fetch_exchange.js";

/** The part of a Workers `ExecutionContext` used here: work that outlives the response. */
export interface ExecutionContextLike {
  waitUntil(promise: Promise<unknown>): void;
}

/** Reads one address from what the runtime passed beside the request. */
export type AddressOf<Env> = (request: Request, env: Env, ctx: ExecutionContextLike | undefined) => [host: string, port: number] | null;

/** The options of toFetchHandler(). */
export interface FetchHandlerOptions<Env = unknown> {
  /** @default "" */
  rootPath?: string;
  /**
   * `scope.client`. A Request does not carry the peer's address; the runtime
   * gives it beside the request (see clientFromBun, clientFromDeno, clientFromHeader).
   * @default () => null
   */
  client?: AddressOf<Env>;
  /** `scope.server`. @default the host and port of the request's URL */
  server?: AddressOf<Env>;
  /** uvicorn's `--lifespan`: "auto" takes an app that fails at startup without saying so as not speaking lifespan. @default "auto" */
  lifespan?: "auto" | "on" | "off";
  /** Where error lines go. @default console.error */
  log?: (line: string) => void;
  /** Bytes of a streamed response queued before send() waits for the runtime to read. @default 65536 */
  highWaterMark?: number;
  /**
   * How the runtime's Headers carry a header's bytes: "latin1", one character a byte, as the
   * Fetch standard has it (Bun, Deno, Node); or "utf8", as text (workerd). Either way the
   * app sees latin-1 byte strings, as from serve().
   * @default "latin1"
   */
  headerEncoding?: "latin1" | "utf8";
}

/**
 * `(request, env?, ctx?) => Response | Promise<Response>`, with the app's lifespan: the
 * Response itself when the app answered at once, as a runtime's `fetch` may return it.
 */
export interface FetchHandler<Env = unknown> {
  (request: Request, env?: Env, ctx?: ExecutionContextLike): Response | Promise<Response>;
  /** Runs the lifespan startup now rather than on the first request; rejects if it fails. */
  startup(): Promise<void>;
  /** Runs the lifespan shutdown, if the startup ran; a failure is logged, never thrown. */
  shutdown(): Promise<void>;
}

const ASGI_VERSION = Object.freeze({ version: "3.0", spec_version: "2.4" });
const UTF8_DECODER = new TextDecoder();

/** As server.ts's: %XX runs as UTF-8, with the replacement character for bytes that are not. */
function unquotePath(raw: string): string {
  if (!raw.includes("%")) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => UTF8_DECODER.decode(Uint8Array.from(run.slice(1).split("%"), (hex) => parseInt(hex, 16))));
  }
}

// The host and port of a URL's authority ("[::1]:8080"; a Request's URL has no credentials), the scheme's default port when it has none.
function hostAndPort(authority: string, scheme: string): [string, number] {
  const colon = authority.lastIndexOf(":");
  const hasPort = colon > authority.lastIndexOf("]");
  const host = hasPort ? authority.slice(0, colon) : authority;
  const port = hasPort ? Number(authority.slice(colon + 1)) : scheme === "https" ? 443 : 80;
  return [host.startsWith("[") ? host.slice(1, -1) : host, port];
}

/** The request's headers as ASGI has them: lowercase names, values as latin-1 byte strings. */
function headerList(request: Request, utf8Headers: boolean): HeaderList {
  const headers: HeaderList = [];
  if (utf8Headers) for (const [name, value] of request.headers) headers.push([name, latin1(value)]);
  else for (const pair of request.headers) headers.push(pair);
  return headers;
}

/** Runs the app on one exchange; settles it when the app returns or raises (at once, for an app that is no async function). */
async function drive(app: ASGIApp, scope: Scope, exchange: Exchange, log: (line: string) => void): Promise<void> {
  try {
    await app(scope, exchange.receive, exchange.send);
  } catch (error) {
    return exchange.settle({ error }, log);
  }
  exchange.settle(null, log);
}

const toApp = (app: ASGIAppLike): ASGIApp => (typeof app === "function" ? app : (scope, receive, send) => app.call(scope, receive, send));

const FETCH_OPTIONS: Record<keyof FetchHandlerOptions, OptionRule> = {
  rootPath: STRING,
  client: FUNCTION,
  server: FUNCTION,
  lifespan: [(v) => v === "auto" || v === "on" || v === "off", '"auto", "on" or "off"'],
  log: FUNCTION,
  highWaterMark: [(v) => Number.isInteger(v) && (v as number) >= 0, "a whole number of bytes"],
  headerEncoding: [(v) => v === "latin1" || v === "utf8", '"latin1" or "utf8"'],
};

/**
 * Turn an ASGI app (an App, a FastAPI app, or a bare ASGI function) into the
 * `fetch` handler of a Web-standard runtime. The lifespan starts on the first
 * request, or at `await handler.startup()`.
 *
 * @example
 * const handler = toFetchHandler(app);
 * export default { fetch: handler }; // Bun, Deno (`deno serve`), Cloudflare Workers
 */
export function toFetchHandler<Env = unknown>(appLike: ASGIAppLike, options: FetchHandlerOptions<Env> = {}): FetchHandler<Env> {
  checkOptions("toFetchHandler()", options, FETCH_OPTIONS);
  const app = toApp(appLike);
  const rootPath = options.rootPath ?? "";
  const clientOf = options.client ?? null;
  const serverOf = options.server ?? null;
  const mode = options.lifespan ?? "auto";
  const log = options.log ?? ((line: string) => console.error(line));
  const highWaterMark = options.highWaterMark ?? 65536;
  const utf8Headers = options.headerEncoding === "utf8";
  const state: State = {};
  let hasState = false;
  let lifespan: LifespanDriver | null = null;
  let starting: Promise<void> | null = null;
  let ready = mode === "off";
  // One cached server address: a runtime serves one host, so the URL's authority rarely changes.
  let lastAuthority = "";
  let lastServer: [string, number] = ["", 0];

  const startup = (): Promise<void> =>
    (starting ??= (async () => {
      if (mode === "off") return;
      const driver = new LifespanDriver(app, state, mode === "auto");
      lifespan = driver;
      try {
        await driver.startup();
      } catch (exc) {
        log(driver.failure !== null ? `ERROR:    ${driver.failure}` : `ERROR:    Exception in 'lifespan' protocol\n${errorText(exc)}`);
        log("ERROR:    Application startup failed.");
        throw exc;
      }
      hasState = Object.keys(state).length > 0;
      ready = true;
    })());

  const shutdown = async (): Promise<void> => {
    const driver = lifespan as LifespanDriver | null;
    if (driver === null || driver.unsupported) return;
    try {
      await driver.shutdown();
    } catch {
      if (driver.failure !== null) log(`ERROR:    ${driver.failure}`);
      log("ERROR:    Application shutdown failed.");
    }
  };

  const serveOne = (request: Request, env: Env, ctx: ExecutionContextLike | undefined): Response | Promise<Response> => {
    const url = request.url;
    const schemeEnd = url.indexOf(":");
    const scheme = url.slice(0, schemeEnd);
    const pathStart = url.indexOf("/", schemeEnd + 3);
    let end = url.indexOf("#", pathStart);
    if (end < 0) end = url.length;
    let q = url.indexOf("?", pathStart);
    if (q > end) q = -1;
    const target = url.slice(pathStart, q < 0 ? end : q);
    let server: [string, number] | null;
    if (serverOf !== null) server = serverOf(request, env, ctx);
    else {
      const authority = url.slice(schemeEnd + 3, pathStart);
      if (authority !== lastAuthority) {
        lastAuthority = authority;
        lastServer = hostAndPort(authority, scheme);
      }
      server = lastServer;
    }
    let headers: HeaderList | null = null;
    const scope: Scope = {
      type: "http",
      asgi: ASGI_VERSION,
      http_version: "1.1",
      server,
      client: clientOf === null ? null : clientOf(request, env, ctx),
      scheme,
      method: request.method,
      root_path: rootPath,
      path: unquotePath(target),
      raw_path: latin1(target),
      query_string: q < 0 ? "" : latin1(url.slice(q + 1, end)),
      // Read from the Request when first used: Bun makes a server request's headers on demand, at a cost
      // near a fifth of Hono's whole request, and an app that never reads them should not pay it.
      get headers(): HeaderList {
        return (headers ??= headerList(request, utf8Headers));
      },
      set headers(value: HeaderList) {
        headers = value;
      },
      state: hasState ? { ...state } : {},
    };
    const exchange = new Exchange(request, highWaterMark, utf8Headers);
    const task = drive(app, scope, exchange, log);
    // Background tasks run after the body: on Workers the isolate must be kept for them.
    ctx?.waitUntil(task);
    return exchange.response();
  };

  const handler = (request: Request, env?: Env, ctx?: ExecutionContextLike): Response | Promise<Response> => {
    if (ready) return serveOne(request, env as Env, ctx);
    return startup().then(
      () => serveOne(request, env as Env, ctx),
      () => internalServerError(),
    );
  };
  return Object.assign(handler, { startup, shutdown });
}

/** Bun's server as `fetch(request, server)` gets it. */
export interface BunServerLike {
  requestIP(request: Request): { address: string; port: number } | null;
}

/** `scope.client` on Bun: `toFetchHandler(app, { client: clientFromBun })`. */
export const clientFromBun: AddressOf<BunServerLike> = (request, server) => {
  const address = server.requestIP(request);
  return address === null ? null : [address.address, address.port];
};

/** The info Deno's `fetch(request, info)` gets. */
export interface DenoServeInfoLike {
  remoteAddr: { hostname?: string; port?: number; path?: string };
}

/** `scope.client` on Deno: `toFetchHandler(app, { client: clientFromDeno })`; null for a Unix socket. */
export const clientFromDeno: AddressOf<DenoServeInfoLike> = (_request, info) => {
  const { hostname, port } = info.remoteAddr;
  return hostname === undefined || port === undefined ? null : [hostname, port];
};

/**
 * `scope.client` from a header a trusted proxy sets, with port 0 as uvicorn's
 * proxy headers give: `clientFromHeader("cf-connecting-ip")` on Cloudflare Workers.
 */
export function clientFromHeader(name: string): AddressOf<unknown> {
  return (request) => {
    const value = request.headers.get(name);
    return value === null || value === "" ? null : [value.split(",")[0].trim(), 0];
  };
}
