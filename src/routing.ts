// Port of starlette/routing.py: compilePath, Route, WebSocketRoute, Mount, Router.
import assert, { AssertionError } from "node:assert";
import { classApp, getRoutePath, isClass } from "./_utils.js";
import { runHandlingExceptions } from "./_exception_handler.js";
import { CONVERTOR_TYPES, type Convertor } from "./convertors.js";
import { URL, URLPath, type State } from "./datastructures.js";
import { HTTPException } from "./exceptions.js";
import { asASGIApp, type Middleware } from "./middleware/index.js";
import { Request } from "./requests.js";
import { JSONResponse, PlainTextResponse, RedirectResponse, Response } from "./responses.js";
import type { ASGIApp, ASGIAppLike, ASGIClass, ASGIInstance, Receive, Scope, Send } from "./types.js";
import { WebSocket, WebSocketClose } from "./websockets.js";

export class NoMatchFound extends Error {
  constructor(name: string, pathParams: Record<string, unknown>) {
    super(`No route exists for name "${name}" and params "${Object.keys(pathParams).join(", ")}".`);
    this.name = "NoMatchFound";
  }
}

export enum Match {
  NONE = 0,
  PARTIAL = 1,
  FULL = 2,
}

/** A request handler: FastAPI-style, it may return a Response or any JSON-serialisable value. */
export type Endpoint = (request: Request) => unknown;

/** Wrap `handler(request)` as an ASGI app; a non-Response result becomes a JSONResponse. */
export function requestResponse(handler: Endpoint): ASGIApp {
  // Plain functions handing promises on, not async ones: this runs for every request, and each
  // async call allocates a frame. A synchronous throw still reaches the exception handlers' try.
  return (scope, receive, send) => {
    const request = new Request(scope, receive, send);
    const app: ASGIApp = (scope, receive, send) => {
      const result = handler(request);
      const respond = (value: unknown) => (value instanceof Response ? value : new JSONResponse(value)).call(scope, receive, send);
      return isThenable(result) ? Promise.resolve(result).then(respond) : respond(result);
    };
    return runHandlingExceptions(app, request, scope, receive, send);
  };
}

/** A websocket handler: it gets the WebSocket, accepts it, talks, and closes it. */
export type WebSocketHandler = (websocket: WebSocket) => unknown;

/** Wrap `handler(websocket)` as an ASGI app, its errors going to the exception handlers. */
export function websocketSession(handler: WebSocketHandler): ASGIApp {
  return (scope, receive, send) => {
    const session = new WebSocket(scope, receive, send);
    const app: ASGIApp = async () => {
      await handler(session);
    };
    return runHandlingExceptions(app, session, scope, receive, send);
  };
}

// An endpoint given to a route: an endpoint class (Starlette checks inspect.isclass), an
// object with call() (an ASGI app), or else a handler function that `wrap` turns into one.
function endpointApp<F extends (...args: never[]) => unknown>(endpoint: F | ASGIInstance | ASGIClass, wrap: (handler: F) => ASGIApp): ASGIApp {
  if (isClass(endpoint)) return classApp(endpoint as ASGIClass);
  return typeof endpoint === "function" ? wrap(endpoint as F) : asASGIApp(endpoint);
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return value !== null && (typeof value === "object" || typeof value === "function") && typeof (value as { then?: unknown }).then === "function";
}

// Match parameters in URL paths, eg. '{param}', and '{param:int}'
const PARAM_REGEX = /{([a-zA-Z_][a-zA-Z0-9_]*)(:[a-zA-Z_][a-zA-Z0-9_]*)?}/g;
const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");

// Every route a request passes on the way to its own answers this: one shared, frozen answer.
const NO_MATCH = Object.freeze([Match.NONE, Object.freeze({})]) as unknown as [Match, Partial<Scope>];

export interface CompiledPath {
  regex: RegExp;
  format: string;
  convertors: Record<string, Convertor>;
  /** What a path without parameters matches, whole (the regex's text): compared as text, faster than the regex. */
  literal?: string | null;
}

/** `"/users/{id:int}"` to a regex, a format string and the convertor of each parameter. */
export function compilePath(path: string): CompiledPath {
  const isHost = !path.startsWith("/");
  let regex = "^";
  let format = "";
  let idx = 0;
  // No prototype: parameters named "constructor" or "toString" are parameters like any other.
  const convertors = Object.create(null) as Record<string, Convertor>;
  const duplicated = new Set<string>();
  for (const match of path.matchAll(PARAM_REGEX)) {
    const name = match[1];
    const type = (match[2] ?? ":str").slice(1);
    assert(Object.hasOwn(CONVERTOR_TYPES, type), `Unknown path convertor '${type}'`);
    const start = match.index as number;
    regex += escapeRegex(path.slice(idx, start)) + `(?<${name}>${CONVERTOR_TYPES[type].regex})`;
    format += path.slice(idx, start) + `{${name}}`;
    if (name in convertors) duplicated.add(name);
    convertors[name] = CONVERTOR_TYPES[type];
    idx = start + match[0].length;
  }
  if (duplicated.size) {
    const names = [...duplicated].sort().join(", ");
    throw new Error(`Duplicated param name${duplicated.size > 1 ? "s" : ""} ${names} at path ${path}`);
  }
  const rest = path.slice(idx);
  regex += escapeRegex(isHost ? rest.split(":")[0] : rest) + "$";
  format += rest;
  return { regex: new RegExp(regex, "s"), format, convertors, literal: idx === 0 ? (isHost ? path.split(":")[0] : path) : null };
}

function replaceParams(format: string, convertors: Record<string, Convertor>, params: Record<string, unknown>): [string, Record<string, unknown>] {
  const remaining = { ...params };
  let path = format;
  for (const [key, value] of Object.entries(params)) {
    if (path.includes(`{${key}}`)) {
      path = path.replaceAll(`{${key}}`, convertors[key].toString(value));
      delete remaining[key];
    }
  }
  return [path, remaining];
}

function sameKeys(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => k in b);
}

// A parameter named "__proto__" is data, as in a Python dict, not the object's prototype.
function setParam(params: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(params, key, { value, enumerable: true, writable: true, configurable: true });
  else params[key] = value;
}

function matchParams(compiled: CompiledPath, routePath: string, scope: Scope): Record<string, unknown> | null {
  // Most routes have no parameters, and every request tries them in turn.
  if (compiled.literal != null) return routePath === compiled.literal ? { ...scope.path_params } : null;
  const m = compiled.regex.exec(routePath);
  if (m === null) return null;
  const params: Record<string, unknown> = { ...scope.path_params };
  // A match has groups: a path without parameters was compared as text above.
  for (const [key, value] of Object.entries(m.groups as Record<string, string>)) setParam(params, key, compiled.convertors[key].convert(value as string));
  return params;
}

export abstract class BaseRoute implements ASGIInstance {
  abstract matches(scope: Scope): [Match, Partial<Scope>];
  abstract urlPathFor(name: string, params?: Record<string, unknown>): string;
  abstract handle(scope: Scope, receive: Receive, send: Send): Promise<void>;

  /**
   * What Starlette's url_path_for returns: the path with the route's protocol, which
   * `urlFor` turns into an http(s) or ws(s) URL. A route of your own that does not
   * override this gives its path with no protocol (the base URL's scheme).
   */
  resolveUrlPath(name: string, params: Record<string, unknown> = {}): URLPath {
    return new URLPath(this.urlPathFor(name, params));
  }

  /** A route used on its own, as a stand-alone ASGI app. */
  async call(scope: Scope, receive: Receive, send: Send): Promise<void> {
    const [match, child] = this.matches(scope);
    if (match === Match.NONE) {
      if (scope.type === "http") await new PlainTextResponse("Not Found", { statusCode: 404 }).call(scope, receive, send);
      else if (scope.type === "websocket") await new WebSocketClose().call(scope, receive, send);
      return;
    }
    Object.assign(scope, child);
    await this.handle(scope, receive, send);
  }
}

function applyMiddleware(app: ASGIApp, middleware: Middleware[] | undefined): ASGIApp {
  for (const m of [...(middleware ?? [])].reverse()) app = m.build(app);
  return app;
}

export interface RouteOptions {
  methods?: string[] | null;
  name?: string | null;
  includeInSchema?: boolean;
  middleware?: Middleware[];
}

/**
 * A path and its endpoint. A function endpoint is a request handler
 * `(request) => response`; an endpoint class (HTTPEndpoint) gets an instance per
 * request, and any method; an object with a `call` method is used as an ASGI app.
 */
export class Route extends BaseRoute {
  readonly path: string;
  readonly endpoint: Endpoint | ASGIInstance | ASGIClass;
  readonly name: string;
  readonly includeInSchema: boolean;
  readonly methods: Set<string> | null;
  readonly app: ASGIApp;
  readonly compiled: CompiledPath;

  constructor(path: string, endpoint: Endpoint | ASGIInstance | ASGIClass, options: RouteOptions = {}) {
    super();
    assert(path.startsWith("/"), "Routed paths must start with '/'");
    this.path = path;
    this.endpoint = endpoint;
    this.name = options.name ?? (typeof endpoint === "function" ? endpoint.name : endpoint.constructor.name);
    this.includeInSchema = options.includeInSchema ?? true;
    let methods = options.methods ?? null;
    // Treat a function as `func(request) -> response`, answering GET unless told otherwise.
    if (typeof endpoint === "function" && !isClass(endpoint)) methods ??= ["GET"];
    this.app = applyMiddleware(endpointApp(endpoint, requestResponse), options.middleware);
    if (methods === null) {
      this.methods = null;
    } else {
      this.methods = new Set(methods.map((m) => m.toUpperCase()));
      if (this.methods.has("GET")) this.methods.add("HEAD");
    }
    this.compiled = compilePath(path);
  }

  matches(scope: Scope): [Match, Partial<Scope>] {
    if (scope.type === "http") {
      const params = matchParams(this.compiled, getRoutePath(scope), scope);
      if (params !== null) {
        const child = { endpoint: this.endpoint, path_params: params };
        if (this.methods && !this.methods.has(scope.method as string)) return [Match.PARTIAL, child];
        return [Match.FULL, child];
      }
    }
    return NO_MATCH;
  }

  urlPathFor(name: string, params: Record<string, unknown> = {}): string {
    return this.resolveUrlPath(name, params).path;
  }

  override resolveUrlPath(name: string, params: Record<string, unknown> = {}): URLPath {
    if (name !== this.name || !sameKeys(params, this.compiled.convertors)) throw new NoMatchFound(name, params);
    return new URLPath(replaceParams(this.compiled.format, this.compiled.convertors, params)[0], "http");
  }

  handle(scope: Scope, receive: Receive, send: Send): Promise<void> {
    if (this.methods && !this.methods.has(scope.method as string)) {
      const headers = { Allow: [...this.methods].join(", ") };
      if ("app" in scope) return Promise.reject(new HTTPException(405, null, headers));
      return new PlainTextResponse("Method Not Allowed", { statusCode: 405, headers }).call(scope, receive, send);
    }
    return this.app(scope, receive, send);
  }

  override toString(): string {
    return `Route(path='${this.path}', name='${this.name}', methods=[${[...(this.methods ?? [])].sort().map((m) => `'${m}'`).join(", ")}])`;
  }
}

export interface WebSocketRouteOptions {
  name?: string | null;
  middleware?: Middleware[];
}

/**
 * A path and its websocket endpoint: a handler `(websocket) => ...`, an endpoint
 * class (WebSocketEndpoint), or an object with a `call` method (an ASGI app).
 */
export class WebSocketRoute extends BaseRoute {
  readonly path: string;
  readonly endpoint: WebSocketHandler | ASGIInstance | ASGIClass;
  readonly name: string;
  readonly app: ASGIApp;
  readonly compiled: CompiledPath;

  constructor(path: string, endpoint: WebSocketHandler | ASGIInstance | ASGIClass, options: WebSocketRouteOptions = {}) {
    super();
    assert(path.startsWith("/"), "Routed paths must start with '/'");
    this.path = path;
    this.endpoint = endpoint;
    this.name = options.name ?? (typeof endpoint === "function" ? endpoint.name : endpoint.constructor.name);
    this.app = applyMiddleware(endpointApp(endpoint, websocketSession), options.middleware);
    this.compiled = compilePath(path);
  }

  matches(scope: Scope): [Match, Partial<Scope>] {
    if (scope.type === "websocket") {
      const params = matchParams(this.compiled, getRoutePath(scope), scope);
      if (params !== null) return [Match.FULL, { endpoint: this.endpoint, path_params: params }];
    }
    return NO_MATCH;
  }

  urlPathFor(name: string, params: Record<string, unknown> = {}): string {
    return this.resolveUrlPath(name, params).path;
  }

  override resolveUrlPath(name: string, params: Record<string, unknown> = {}): URLPath {
    if (name !== this.name || !sameKeys(params, this.compiled.convertors)) throw new NoMatchFound(name, params);
    return new URLPath(replaceParams(this.compiled.format, this.compiled.convertors, params)[0], "websocket");
  }

  handle(scope: Scope, receive: Receive, send: Send): Promise<void> {
    return this.app(scope, receive, send);
  }

  override toString(): string {
    return `WebSocketRoute(path='${this.path}', name='${this.name}')`;
  }
}

export interface MountOptions {
  app?: ASGIAppLike;
  routes?: BaseRoute[];
  name?: string | null;
  middleware?: Middleware[];
}

/** A sub-app or a group of routes under a path prefix; the prefix moves into root_path. */
export class Mount extends BaseRoute {
  readonly path: string;
  readonly name: string | null;
  readonly app: ASGIApp;
  private readonly baseApp: ASGIAppLike;
  readonly compiled: CompiledPath;

  constructor(path: string, options: MountOptions) {
    super();
    assert(path === "" || path.startsWith("/"), "Routed paths must start with '/'");
    assert(options.app !== undefined || options.routes !== undefined, "Either 'app=...', or 'routes=' must be specified");
    this.path = path.replace(/\/+$/, "");
    this.baseApp = options.app ?? new Router({ routes: options.routes });
    this.app = applyMiddleware(asASGIApp(this.baseApp), options.middleware);
    this.name = options.name ?? null;
    this.compiled = compilePath(this.path + "/{path:path}");
  }

  get routes(): BaseRoute[] {
    return (this.baseApp as { routes?: BaseRoute[] }).routes ?? [];
  }

  matches(scope: Scope): [Match, Partial<Scope>] {
    if (scope.type === "http" || scope.type === "websocket") {
      const rootPath = scope.root_path ?? "";
      const routePath = getRoutePath(scope);
      const params = matchParams(this.compiled, routePath, scope);
      if (params !== null) {
        const remaining = "/" + (params.path as string);
        delete params.path;
        const matchedPath = routePath.slice(0, routePath.length - remaining.length);
        return [
          Match.FULL,
          {
            path_params: params,
            // app_root_path is set once, at the top, for url_for inside mounts.
            app_root_path: scope.app_root_path ?? rootPath,
            root_path: rootPath + matchedPath,
            endpoint: this.app,
          },
        ];
      }
    }
    return NO_MATCH;
  }

  urlPathFor(name: string, params: Record<string, unknown> = {}): string {
    return this.resolveUrlPath(name, params).path;
  }

  override resolveUrlPath(name: string, params: Record<string, unknown> = {}): URLPath {
    if (this.name !== null && name === this.name && "path" in params) {
      // 'name' matches "<mount_name>".
      const [path, remaining] = replaceParams(this.compiled.format, this.compiled.convertors, { ...params, path: String(params.path).replace(/^\//, "") });
      if (Object.keys(remaining).length === 0) return new URLPath(path);
    } else if (this.name === null || name.startsWith(this.name + ":")) {
      const remainingName = this.name === null ? name : name.slice(this.name.length + 1);
      const own: Record<string, unknown> = {};
      const rest: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(params)) setParam(k in this.compiled.convertors ? own : rest, k, v);
      const [prefix] = replaceParams(this.compiled.format, this.compiled.convertors, { ...own, path: "" });
      for (const route of this.routes) {
        try {
          const url = route.resolveUrlPath(remainingName, rest);
          return new URLPath(prefix.replace(/\/$/, "") + url.path, url.protocol);
        } catch (exc) {
          if (!(exc instanceof NoMatchFound)) throw exc;
        }
      }
    }
    throw new NoMatchFound(name, params);
  }

  async handle(scope: Scope, receive: Receive, send: Send): Promise<void> {
    await this.app(scope, receive, send);
  }

  override toString(): string {
    return `Mount(path='${this.path}', name='${this.name ?? ""}', app=${String(this.baseApp)})`;
  }
}

/**
 * Startup and shutdown: an async generator that runs its startup code, yields
 * once (optionally a state object, merged into each request's `scope.state`),
 * then runs its shutdown code. Python's `@asynccontextmanager` lifespan.
 */
export type Lifespan<A = unknown> = (app: A) => AsyncGenerator<State | void | undefined, void, unknown>;

export interface RouterOptions {
  routes?: BaseRoute[];
  /** @default true */
  redirectSlashes?: boolean;
  default?: ASGIAppLike;
  lifespan?: Lifespan;
  middleware?: Middleware[];
}

function errorText(exc: unknown): string {
  return exc instanceof Error ? (exc.stack ?? String(exc)) : String(exc);
}

export class Router implements ASGIInstance {
  readonly routes: BaseRoute[];
  redirectSlashes: boolean;
  readonly default: ASGIApp;
  readonly lifespanContext: Lifespan | null;
  private readonly middlewareStack: ASGIApp;

  constructor(options: RouterOptions = {}) {
    this.routes = [...(options.routes ?? [])];
    this.redirectSlashes = options.redirectSlashes ?? true;
    this.default = options.default ? asASGIApp(options.default) : (scope, receive, send) => this.notFound(scope, receive, send);
    this.lifespanContext = options.lifespan ?? null;
    this.middlewareStack = applyMiddleware((scope, receive, send) => this.app(scope, receive, send), options.middleware);
  }

  async notFound(scope: Scope, receive: Receive, send: Send): Promise<void> {
    if (scope.type === "websocket") {
      // Closed before accept: the server refuses the handshake (HTTP 403).
      await new WebSocketClose().call(scope, receive, send);
      return;
    }
    // Inside an app, raise so that the configurable exception handlers answer.
    if ("app" in scope) throw new HTTPException(404);
    await new PlainTextResponse("Not Found", { statusCode: 404 }).call(scope, receive, send);
  }

  urlPathFor(name: string, params: Record<string, unknown> = {}): string {
    return this.resolveUrlPath(name, params).path;
  }

  /** The path of the route named `name`, with its protocol (see BaseRoute.resolveUrlPath). */
  resolveUrlPath(name: string, params: Record<string, unknown> = {}): URLPath {
    for (const route of this.routes) {
      try {
        return route.resolveUrlPath(name, params);
      } catch (exc) {
        if (!(exc instanceof NoMatchFound)) throw exc;
      }
    }
    throw new NoMatchFound(name, params);
  }

  /** The ASGI lifespan protocol: startup, wait for shutdown, shutdown. */
  async lifespan(scope: Scope, receive: Receive, send: Send): Promise<void> {
    let started = false;
    await receive();
    try {
      const gen = this.lifespanContext?.(scope.app);
      const first = gen ? await gen.next() : { value: undefined, done: true };
      if (first.value) {
        if (!scope.state) throw new Error('The server does not support "state" in the lifespan scope.');
        Object.assign(scope.state, first.value);
      }
      await send({ type: "lifespan.startup.complete" });
      started = true;
      await receive();
      if (gen && !first.done) await gen.next();
    } catch (exc) {
      await send({ type: started ? "lifespan.shutdown.failed" : "lifespan.startup.failed", message: errorText(exc) });
      throw exc;
    }
    await send({ type: "lifespan.shutdown.complete" });
  }

  call(scope: Scope, receive: Receive, send: Send): Promise<void> {
    return this.middlewareStack(scope, receive, send);
  }

  app(scope: Scope, receive: Receive, send: Send): Promise<void> {
    if (scope.type !== "http" && scope.type !== "websocket" && scope.type !== "lifespan") {
      return Promise.reject(new AssertionError({ message: `Router cannot handle a "${scope.type}" scope` }));
    }
    if (!("router" in scope)) scope.router = this;
    if (scope.type === "lifespan") return this.lifespan(scope, receive, send);

    let partial: BaseRoute | undefined;
    let partialScope: Partial<Scope> = {};
    // Indexed, not destructured: every request runs this loop over the routes before its own.
    const routes = this.routes;
    for (let i = 0; i < routes.length; i++) {
      const route = routes[i];
      const result = route.matches(scope);
      const match = result[0];
      if (match === Match.FULL) {
        Object.assign(scope, result[1]);
        return route.handle(scope, receive, send);
      }
      if (match === Match.PARTIAL && partial === undefined) {
        partial = route;
        partialScope = result[1];
      }
    }
    if (partial !== undefined) {
      // An endpoint could answer but is not a preferred option: "405 Method Not Allowed".
      Object.assign(scope, partialScope);
      return partial.handle(scope, receive, send);
    }

    const routePath = getRoutePath(scope);
    if (scope.type === "http" && this.redirectSlashes && routePath !== "/") {
      const path = scope.path as string;
      const redirectScope: Scope = { ...scope, path: routePath.endsWith("/") ? path.replace(/\/+$/, "") : path + "/" };
      for (const route of this.routes) {
        if (route.matches(redirectScope)[0] !== Match.NONE) return new RedirectResponse(URL.fromScope(redirectScope)).call(scope, receive, send);
      }
    }
    return this.default(scope, receive, send);
  }

  mount(path: string, app: ASGIAppLike, name?: string): void {
    this.routes.push(new Mount(path, { app, name }));
  }

  addRoute(path: string, endpoint: Endpoint | ASGIInstance | ASGIClass, options: RouteOptions = {}): void {
    this.routes.push(new Route(path, endpoint, options));
  }

  addWebsocketRoute(path: string, endpoint: WebSocketHandler | ASGIInstance | ASGIClass, options: Pick<WebSocketRouteOptions, "name"> = {}): void {
    this.routes.push(new WebSocketRoute(path, endpoint, options));
  }
}

