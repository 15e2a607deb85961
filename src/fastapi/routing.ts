// Port of fastapi/routing.py: APIRoute, APIRouter and include_router. The request handler
// itself is in _route_handler.ts.
import assert from "node:assert";
import type { Middleware } from "../middleware/index.js";
import { BaseRoute, Match, Mount, NoMatchFound, Route, Router, WebSocketRoute, compilePath, type Lifespan, type WebSocketHandler } from "../routing.js";
import type { ASGIApp, ASGIClass, ASGIInstance, Receive, Scope, Send } from "../types.js";
import { ModelField } from "./_compat/model_field.js";
import type { StandardSchemaV1 } from "./_compat/standard_schema.js";
import { requestResponse, type HandlerState, type ResponseClass } from "./_route_handler.js";
import { websocketSession } from "./_websocket_handler.js";
import { endpointDependant, shouldEmbedBodyFields } from "./dependencies/analysis.js";
import { flatBodyParams, type Dependant } from "./dependencies/models.js";
import { hasGenerators } from "./dependencies/resolve.js";
import { FastAPIError } from "./exceptions.js";
import * as params from "./params.js";
import { EventSourceResponse } from "./sse.js";
import type { ParamsSpec, Values } from "./types.js";
import { generateUniqueId, isBodyAllowedForStatusCode } from "./utils.js";

/** A handler: called with one value per declared param. */
export type Handler<P> = (values: Values<P>) => unknown;

/** The responses a route documents besides its own: `{ 404: { description, model } }`. */
export type ResponsesSpec = Record<string | number, Record<string, unknown>>;

/** Makes a path operation's unique id (its operationId unless given, and the `Body_` model's name). */
export type GenerateUniqueIdFunction = (route: APIRoute) => string;

/** FastAPI's path operation keyword arguments, in camelCase. */
export interface PathOperationOptions<P extends ParamsSpec = ParamsSpec> {
  /** The handler's declared params: FastAPI's function parameters. */
  params?: P;
  /** Validates and filters what the handler returns (and each item a generator yields). */
  responseModel?: StandardSchemaV1 | null;
  /** @default 200 (or the response class's own) */
  statusCode?: number;
  tags?: string[];
  /** Run for this path operation; their values are not passed to the handler. */
  dependencies?: params.Depends[];
  summary?: string;
  description?: string;
  /** @default "Successful Response" */
  responseDescription?: string;
  responses?: ResponsesSpec;
  deprecated?: boolean;
  /** The route's name for `urlPathFor`; the handler's function name by default. */
  name?: string;
  operationId?: string;
  responseModelInclude?: Iterable<string>;
  responseModelExclude?: Iterable<string>;
  responseModelByAlias?: boolean;
  responseModelExcludeUnset?: boolean;
  responseModelExcludeDefaults?: boolean;
  responseModelExcludeNone?: boolean;
  /** @default true */
  includeInSchema?: boolean;
  /** @default JSONResponse */
  responseClass?: ResponseClass;
  callbacks?: BaseRoute[];
  /** Deep-merged into the operation's OpenAPI object. */
  openapiExtra?: Record<string, unknown>;
  /** @default FastAPI's: `read_item_items__item_id__get` */
  generateUniqueIdFunction?: GenerateUniqueIdFunction;
  /** Require a JSON content type for JSON bodies; `false` also reads a body sent without one. @default true */
  strictContentType?: boolean;
}

export interface APIRouteOptions<P extends ParamsSpec = ParamsSpec> extends PathOperationOptions<P> {
  /** @default ["GET"] */
  methods?: string[];
}

function isGeneratorFunction(fn: unknown): boolean {
  const kind = (fn as { constructor?: { name?: string } }).constructor?.name;
  return kind === "AsyncGeneratorFunction" || kind === "GeneratorFunction";
}

const toSet = (keys: Iterable<string> | undefined) => (keys === undefined ? null : new Set(keys));

/** A path operation: a Route whose handler is called with its declared, validated params. */
export class APIRoute extends Route {
  declare readonly app: ASGIApp;
  declare readonly methods: Set<string>;
  readonly options: APIRouteOptions;
  readonly dependant: Dependant;
  readonly dependencies: params.Depends[];
  readonly tags: string[];
  readonly summary: string | null;
  /** The operation's description (Python's docstring has no counterpart here: the option only). */
  readonly description: string;
  readonly responseDescription: string;
  readonly responses: ResponsesSpec;
  readonly deprecated: boolean | null;
  readonly operationId: string | null;
  /** The operationId unless one is given, and the name of the route's `Body_` model. */
  readonly uniqueId: string;
  readonly openapiExtra: Record<string, unknown> | null;
  readonly callbacks: BaseRoute[];
  readonly statusCode: number | null;
  /** null: the default, JSONResponse. */
  readonly responseClass: ResponseClass | null;
  /** The response model; for a generator handler, the model of each item it yields. */
  readonly responseField: ModelField | null;
  /** The models of `responses: { 404: { model } }`, by status. */
  readonly responseFields: Record<string, ModelField>;
  /** How a generator handler's items are sent: JSON Lines, Server-Sent Events, or its own response class's way. */
  readonly stream: "jsonl" | "sse" | "raw" | null;
  readonly embedBodyFields: boolean;
  readonly bodyParams: Dependant["bodyParams"];

  constructor(path: string, endpoint: Handler<never>, options: APIRouteOptions = {}) {
    // FastAPI's routes take any path (an OpenAPI callback's "{$callback_url}/invoices", a webhook's
    // name): Starlette's check that it starts with "/" is Route's, which APIRoute does not call.
    super(path.startsWith("/") ? path : "/" + path, endpoint as never, { methods: options.methods ?? ["GET"], name: options.name, includeInSchema: options.includeInSchema });
    if (!path.startsWith("/")) {
      (this as { path: string }).path = path;
      (this as { compiled: Route["compiled"] }).compiled = compilePath(path);
    }
    if (typeof endpoint !== "function") throw new TypeError("An endpoint must be a callable");
    this.options = options;
    this.tags = [...(options.tags ?? [])];
    this.summary = options.summary ?? null;
    // FastAPI keeps what comes before a form feed: the rest is for the code's readers.
    this.description = (options.description ?? "").split("\f")[0].trim();
    this.responseDescription = options.responseDescription ?? "Successful Response";
    this.responses = { ...options.responses };
    this.deprecated = options.deprecated ?? null;
    this.operationId = options.operationId ?? null;
    this.openapiExtra = options.openapiExtra ?? null;
    this.callbacks = [...(options.callbacks ?? [])];
    this.dependencies = [...(options.dependencies ?? [])];
    this.statusCode = options.statusCode ?? null;
    this.responseClass = options.responseClass ?? null;
    // FastAPI's routes answer exactly the methods given: GET does not bring HEAD as in Starlette.
    (this as { methods: Set<string> }).methods = new Set((options.methods ?? ["GET"]).map((m) => m.toUpperCase()));
    this.uniqueId = this.operationId ?? (options.generateUniqueIdFunction ?? generateUniqueId)(this);
    this.responseFields = this.additionalResponseFields();
    this.dependant = endpointDependant(this.compiled.format, endpoint, options.params ?? {}, this.dependencies);
    this.bodyParams = flatBodyParams(this.dependant);
    this.embedBodyFields = shouldEmbedBodyFields(this.bodyParams);
    const generator = isGeneratorFunction(endpoint);
    const responseClass = this.responseClass;
    this.stream = !generator ? null : responseClass === null ? "jsonl" : isSubclass(responseClass, EventSourceResponse) ? "sse" : "raw";
    const model = options.responseModel ?? null;
    if (model !== null) assert(isBodyAllowedForStatusCode(this.statusCode), `Status code ${this.statusCode} must not have a response body`);
    this.responseField = model === null ? null : new ModelField(model, { name: (generator ? "StreamItem_" : "Response_") + this.uniqueId });
    (this as { app: ASGIApp }).app = requestResponse(this.handlerState(endpoint));
  }

  private additionalResponseFields(): Record<string, ModelField> {
    const fields: Record<string, ModelField> = {};
    for (const [code, response] of Object.entries(this.responses)) {
      assert(typeof response === "object" && response !== null && !Array.isArray(response), "An additional response must be a dict");
      const model = response.model;
      if (!model) continue;
      assert(isBodyAllowedForStatusCode(code), `Status code ${code} must not have a response body`);
      if (typeof (model as { "~standard"?: unknown })["~standard"] !== "object") {
        throw new TypeError(`responses[${code}].model of ${this.path} must be a Standard Schema (zod, valibot, arktype...)`);
      }
      fields[code] = new ModelField(model as StandardSchemaV1, { name: `Response_${code}_${this.uniqueId}` });
    }
    return fields;
  }

  private handlerState(endpoint: unknown): HandlerState {
    const options = this.options;
    const responseClass = this.responseClass;
    const first = this.bodyParams[0];
    return {
      dependant: this.dependant,
      body: first === undefined ? null : { isForm: this.bodyParams.some((pf) => pf.info instanceof params.Form) },
      embedBodyFields: this.embedBodyFields,
      statusCode: this.statusCode,
      responseClass,
      responseField: this.responseField,
      dumpOptions: {
        include: toSet(options.responseModelInclude),
        exclude: toSet(options.responseModelExclude),
        excludeUnset: options.responseModelExcludeUnset ?? false,
        excludeDefaults: options.responseModelExcludeDefaults ?? false,
        excludeNone: options.responseModelExcludeNone ?? false,
      },
      stream: this.stream,
      strictContentType: options.strictContentType ?? true,
      endpointFunction: (endpoint as { name?: string }).name,
      hasGenerators: hasGenerators(this.dependant),
    };
  }

  override matches(scope: Scope): [Match, Partial<Scope>] {
    const result = super.matches(scope);
    if (result[0] !== Match.NONE) result[1].route = this;
    return result;
  }

  /** This route as included under another router's prefix and settings. */
  withContext(context: IncludeContext): APIRoute {
    const o = this.options;
    return new APIRoute(context.prefix + this.path, this.endpoint as Handler<never>, {
      ...o,
      tags: [...context.tags, ...this.tags],
      dependencies: [...context.dependencies, ...this.dependencies],
      responses: { ...context.responses, ...this.responses },
      deprecated: o.deprecated || context.deprecated || undefined,
      includeInSchema: (o.includeInSchema ?? true) && context.includeInSchema,
      responseClass: o.responseClass ?? context.defaultResponseClass ?? undefined,
      callbacks: [...context.callbacks, ...(o.callbacks ?? [])],
      generateUniqueIdFunction: o.generateUniqueIdFunction ?? context.generateUniqueIdFunction ?? undefined,
      name: this.name,
      methods: o.methods,
    });
  }
}

/** `app.websocket(path, options)`: FastAPI's keyword arguments of a websocket route. */
export interface WebSocketOptions<P extends ParamsSpec = ParamsSpec> {
  /** The handler's declared params: `WebSocket` for the connection, Path/Query/Header/Cookie/Depends/Security. */
  params?: P;
  /** Run before the handler; their values are not passed to it. */
  dependencies?: params.Depends[];
  /** The route's name for `urlPathFor`; the handler's function name by default. */
  name?: string;
}

/**
 * A websocket route whose handler is called with its declared, validated params (FastAPI's
 * APIWebSocketRoute). Params that do not validate close the connection with 1008.
 */
export class APIWebSocketRoute extends WebSocketRoute {
  declare readonly app: ASGIApp;
  readonly options: WebSocketOptions;
  readonly dependencies: params.Depends[];
  readonly dependant: Dependant;

  constructor(path: string, endpoint: Handler<never>, options: WebSocketOptions = {}) {
    // Starlette's route does the path, the name and the matching; the app is replaced below.
    super(path, endpoint as WebSocketHandler, { name: options.name });
    this.options = options;
    this.dependencies = [...(options.dependencies ?? [])];
    this.dependant = endpointDependant(this.compiled.format, endpoint, options.params ?? {}, this.dependencies);
    (this as { app: ASGIApp }).app = websocketSession(this.dependant);
  }

  override matches(scope: Scope): [Match, Partial<Scope>] {
    const result = super.matches(scope);
    if (result[0] !== Match.NONE) result[1].route = this;
    return result;
  }

  /** This route as included under another router's prefix and dependencies. */
  withContext(context: IncludeContext): APIWebSocketRoute {
    return new APIWebSocketRoute(context.prefix + this.path, this.endpoint as Handler<never>, {
      ...this.options,
      name: this.name,
      dependencies: [...context.dependencies, ...this.dependencies],
    });
  }
}

function isSubclass(value: unknown, cls: abstract new (...args: never[]) => unknown): boolean {
  return value === cls || (typeof value === "function" && value.prototype instanceof cls);
}

/** What an including router adds to the routes it includes (FastAPI's _RouterIncludeContext). */
export interface IncludeContext {
  readonly prefix: string;
  readonly tags: string[];
  readonly dependencies: params.Depends[];
  readonly defaultResponseClass: ResponseClass | null;
  readonly responses: ResponsesSpec;
  readonly callbacks: BaseRoute[];
  readonly deprecated: boolean;
  readonly includeInSchema: boolean;
  readonly generateUniqueIdFunction: GenerateUniqueIdFunction | null;
}

export interface IncludeRouterOptions {
  prefix?: string;
  tags?: string[];
  dependencies?: params.Depends[];
  defaultResponseClass?: ResponseClass;
  responses?: ResponsesSpec;
  callbacks?: BaseRoute[];
  deprecated?: boolean;
  /** @default true */
  includeInSchema?: boolean;
  /** For the included routes that set none themselves (nor their router). */
  generateUniqueIdFunction?: GenerateUniqueIdFunction;
}

function combine(outer: IncludeContext, inner: IncludeContext): IncludeContext {
  return {
    prefix: outer.prefix + inner.prefix,
    tags: [...outer.tags, ...inner.tags],
    dependencies: [...outer.dependencies, ...inner.dependencies],
    defaultResponseClass: inner.defaultResponseClass ?? outer.defaultResponseClass,
    responses: { ...outer.responses, ...inner.responses },
    callbacks: [...outer.callbacks, ...inner.callbacks],
    deprecated: outer.deprecated || inner.deprecated,
    includeInSchema: outer.includeInSchema && inner.includeInSchema,
    generateUniqueIdFunction: inner.generateUniqueIdFunction ?? outer.generateUniqueIdFunction,
  };
}

// The routes matched through nested includes, outermost first, each include's handle() taking its own.
const CHOSEN = "fastapi.included_routes";

function chosen(child: Partial<Scope>, route: BaseRoute): Partial<Scope> {
  return { ...child, [CHOSEN]: [route, ...((child[CHOSEN] as BaseRoute[] | undefined) ?? [])] };
}

/**
 * An APIRouter included in another (FastAPI 0.142's _IncludedRouter): its routes, as they are
 * now, under the include's prefix and settings. Routes added to the router later are served too.
 */
export class IncludedRouter extends BaseRoute {
  private built = -1;
  private effective: BaseRoute[] = [];

  constructor(
    readonly router: APIRouter,
    readonly context: IncludeContext,
  ) {
    super();
  }

  /** The included routes as this include serves them (rebuilt when the router changed). */
  get routes(): BaseRoute[] {
    const version = this.router.routesVersion;
    if (version !== this.built) {
      this.effective = this.router.routes.flatMap((route) => this.effectiveRoute(route));
      this.built = version;
    }
    return this.effective;
  }

  private effectiveRoute(route: BaseRoute): BaseRoute[] {
    const prefix = this.context.prefix;
    if (route instanceof IncludedRouter) return [new IncludedRouter(route.router, combine(this.context, route.context))];
    if (route instanceof APIRoute || route instanceof APIWebSocketRoute) return [route.withContext(this.context)];
    if (route instanceof Route) {
      return [new Route(prefix + route.path, route.endpoint, { methods: route.methods ? [...route.methods] : null, name: route.name, includeInSchema: route.includeInSchema })];
    }
    if (route instanceof WebSocketRoute) return [new WebSocketRoute(prefix + route.path, route.endpoint, { name: route.name })];
    if (route instanceof Mount) return [new Mount(prefix + route.path, { app: route.app, name: route.name })];
    return [route];
  }

  matches(scope: Scope): [Match, Partial<Scope>] {
    let partial: [Match, Partial<Scope>, BaseRoute] | null = null;
    for (const route of this.routes) {
      const [match, child] = route.matches(scope);
        if (match === Match.FULL) return [match, chosen(child, route)];
      if (match === Match.PARTIAL && partial === null) partial = [match, child, route];
    }
    return partial === null ? [Match.NONE, {}] : [Match.PARTIAL, chosen(partial[1], partial[2])];
  }

  handle(scope: Scope, receive: Receive, send: Send): Promise<void> {
    const path = scope[CHOSEN] as BaseRoute[];
    const route = path.shift() as BaseRoute;
    if (path.length === 0) delete scope[CHOSEN];
    return route.handle(scope, receive, send);
  }

  urlPathFor(name: string, pathParams: Record<string, unknown> = {}): string {
    for (const route of this.routes) {
      try {
        return route.urlPathFor(name, pathParams);
      } catch (exc) {
        if (!(exc instanceof NoMatchFound)) throw exc;
      }
    }
    throw new NoMatchFound(name, pathParams);
  }
}

/** Every route as served, included routers' too (FastAPI's _iter_routes_with_context). */
export function* effectiveRoutes(routes: readonly BaseRoute[]): Generator<BaseRoute> {
  for (const route of routes) {
    if (route instanceof IncludedRouter) yield* effectiveRoutes(route.routes);
    else yield route;
  }
}

/**
 * A number that changes whenever the routes of `router` or of a router it includes may have
 * (FastAPI's _get_routes_version): the cached OpenAPI document is rebuilt then.
 */
export function routesVersion(router: APIRouter, seen: Set<APIRouter> = new Set()): number {
  if (seen.has(router)) return router.routesVersion;
  seen.add(router);
  let version = router.routesVersion;
  for (const route of router.routes) if (route instanceof IncludedRouter) version += routesVersion(route.router, seen);
  return version;
}

export interface APIRouterOptions {
  /** Added before the path of every route of this router. */
  prefix?: string;
  tags?: string[];
  dependencies?: params.Depends[];
  defaultResponseClass?: ResponseClass;
  responses?: ResponsesSpec;
  callbacks?: BaseRoute[];
  routes?: BaseRoute[];
  /** @default true */
  redirectSlashes?: boolean;
  default?: ASGIApp;
  lifespan?: Lifespan;
  deprecated?: boolean;
  /** @default true */
  includeInSchema?: boolean;
  /** @default true */
  strictContentType?: boolean;
  middleware?: Middleware[];
  /** For this router's routes that set none themselves. @default FastAPI's */
  generateUniqueIdFunction?: GenerateUniqueIdFunction;
}

type Decorator<P> = <H extends Handler<P>>(handler: H) => H;

/**
 * `router.get(path, options?)(handler)`, `router.get(path, options, handler)` or
 * `router.get(path, handler)`; the same for every method.
 */
export interface OperationRegistrar {
  <P extends ParamsSpec = Record<never, never>, H extends Handler<P> = Handler<P>>(path: string, options: PathOperationOptions<P>, handler: H): H;
  <P extends ParamsSpec = Record<never, never>>(path: string, options?: PathOperationOptions<P>): Decorator<P>;
  <H extends Handler<Record<never, never>>>(path: string, handler: H, options?: PathOperationOptions<Record<never, never>>): H;
}

/** The function behind each method's registrar, shared by APIRouter and FastAPI. */
export function operationRegistrar(add: (path: string, handler: Handler<never>, options: APIRouteOptions) => void, method: string): OperationRegistrar {
  return ((path: string, a?: unknown, b?: unknown) => {
    const [options, handler] = typeof a === "function" ? [(b ?? {}) as PathOperationOptions, a] : [(a ?? {}) as PathOperationOptions, b];
    const register = (fn: Handler<never>) => {
      add(path, fn, { ...options, methods: [method] });
      return fn;
    };
    return typeof handler === "function" ? register(handler as Handler<never>) : register;
  }) as OperationRegistrar;
}

/**
 * `router.websocket(path, options?)(handler)`, `router.websocket(path, options, handler)` or
 * `router.websocket(path, handler)`: the handler gets its declared params (`WebSocket` among them).
 */
export interface WebSocketRegistrar {
  <P extends ParamsSpec = Record<never, never>, H extends Handler<P> = Handler<P>>(path: string, options: WebSocketOptions<P>, handler: H): H;
  <P extends ParamsSpec = Record<never, never>>(path: string, options?: WebSocketOptions<P>): Decorator<P>;
  <H extends Handler<Record<never, never>>>(path: string, handler: H, options?: WebSocketOptions<Record<never, never>>): H;
}

/** The function behind `websocket`, shared by APIRouter and FastAPI. */
export function websocketRegistrar(add: (path: string, handler: Handler<never>, options: WebSocketOptions) => void): WebSocketRegistrar {
  return ((path: string, a?: unknown, b?: unknown) => {
    const [options, handler] = typeof a === "function" ? [(b ?? {}) as WebSocketOptions, a] : [(a ?? {}) as WebSocketOptions, b];
    const register = (fn: Handler<never>) => {
      add(path, fn, options);
      return fn;
    };
    return typeof handler === "function" ? register(handler as Handler<never>) : register;
  }) as WebSocketRegistrar;
}

/** `router.websocketRoute(path, options?)(endpoint)`: a plain websocket route (Starlette's), the endpoint getting the WebSocket. */
export type WebSocketRouteDecorator = (path: string, options?: { name?: string }) => <T extends WebSocketHandler | ASGIClass | ASGIInstance>(endpoint: T) => T;

/** FastAPI's APIRouter: path operations grouped under a prefix, tags, dependencies and responses. */
export class APIRouter extends Router {
  readonly prefix: string;
  readonly tags: string[];
  readonly dependencies: params.Depends[];
  readonly defaultResponseClass: ResponseClass | null;
  readonly responses: ResponsesSpec;
  readonly callbacks: BaseRoute[];
  readonly deprecated: boolean;
  readonly includeInSchema: boolean;
  readonly strictContentType: boolean;
  readonly generateUniqueIdFunction: GenerateUniqueIdFunction | null;
  private version = 0;

  constructor(options: APIRouterOptions = {}) {
    super({ routes: options.routes, redirectSlashes: options.redirectSlashes, default: options.default, lifespan: options.lifespan, middleware: options.middleware });
    const prefix = options.prefix ?? "";
    if (prefix) {
      assert(prefix.startsWith("/"), "A path prefix must start with '/'");
      assert(!prefix.endsWith("/"), "A path prefix must not end with '/', as the routes will start with '/'");
    }
    this.prefix = prefix;
    this.tags = [...(options.tags ?? [])];
    this.dependencies = [...(options.dependencies ?? [])];
    this.defaultResponseClass = options.defaultResponseClass ?? null;
    this.responses = { ...options.responses };
    this.callbacks = [...(options.callbacks ?? [])];
    this.deprecated = options.deprecated ?? false;
    this.includeInSchema = options.includeInSchema ?? true;
    this.strictContentType = options.strictContentType ?? true;
    this.generateUniqueIdFunction = options.generateUniqueIdFunction ?? null;
  }

  /** Changes whenever the route list may have: included routers rebuild their view then. */
  get routesVersion(): number {
    return this.version * 1_000_003 + this.routes.length;
  }

  addApiRoute(path: string, endpoint: Handler<never>, options: APIRouteOptions = {}): APIRoute {
    const route = new APIRoute(this.prefix + path, endpoint, {
      ...options,
      tags: [...this.tags, ...(options.tags ?? [])],
      dependencies: [...this.dependencies, ...(options.dependencies ?? [])],
      responses: { ...this.responses, ...options.responses },
      responseClass: options.responseClass ?? this.defaultResponseClass ?? undefined,
      deprecated: options.deprecated || this.deprecated || undefined,
      includeInSchema: (options.includeInSchema ?? true) && this.includeInSchema,
      callbacks: [...this.callbacks, ...(options.callbacks ?? [])],
      strictContentType: options.strictContentType ?? this.strictContentType,
      generateUniqueIdFunction: options.generateUniqueIdFunction ?? this.generateUniqueIdFunction ?? undefined,
    });
    this.routes.push(route);
    this.version++;
    return route;
  }

  /** `@router.api_route(path, methods=[...])`. */
  apiRoute<P extends ParamsSpec = Record<never, never>>(path: string, options: APIRouteOptions<P> = {}): Decorator<P> {
    return (handler) => {
      this.addApiRoute(path, handler as Handler<never>, options as APIRouteOptions);
      return handler;
    };
  }

  readonly get = operationRegistrar((p, h, o) => this.addApiRoute(p, h, o), "GET");
  readonly put = operationRegistrar((p, h, o) => this.addApiRoute(p, h, o), "PUT");
  readonly post = operationRegistrar((p, h, o) => this.addApiRoute(p, h, o), "POST");
  readonly delete = operationRegistrar((p, h, o) => this.addApiRoute(p, h, o), "DELETE");
  readonly options = operationRegistrar((p, h, o) => this.addApiRoute(p, h, o), "OPTIONS");
  readonly head = operationRegistrar((p, h, o) => this.addApiRoute(p, h, o), "HEAD");
  readonly patch = operationRegistrar((p, h, o) => this.addApiRoute(p, h, o), "PATCH");
  readonly trace = operationRegistrar((p, h, o) => this.addApiRoute(p, h, o), "TRACE");

  /** A websocket route whose handler gets its declared params, with this router's prefix and dependencies. */
  addApiWebsocketRoute(path: string, endpoint: Handler<never>, options: WebSocketOptions = {}): APIWebSocketRoute {
    const route = new APIWebSocketRoute(this.prefix + path, endpoint, { ...options, dependencies: [...this.dependencies, ...(options.dependencies ?? [])] });
    this.routes.push(route);
    this.version++;
    return route;
  }

  /** `@router.websocket(path)`. */
  readonly websocket = websocketRegistrar((p, h, o) => this.addApiWebsocketRoute(p, h, o));

  override addWebsocketRoute(path: string, endpoint: WebSocketHandler | ASGIInstance | ASGIClass, options: { name?: string | null } = {}): void {
    super.addWebsocketRoute(path, endpoint, options);
    this.version++;
  }

  /** `@router.websocket_route(path)`: a plain websocket route, without the router's prefix (as FastAPI). */
  readonly websocketRoute: WebSocketRouteDecorator = (path, options = {}) => (endpoint) => {
    this.addWebsocketRoute(path, endpoint, options);
    return endpoint;
  };

  /** Include another router's routes, now and as it grows, under a prefix and these settings. */
  includeRouter(router: APIRouter, options: IncludeRouterOptions = {}): void {
    assert(this !== router, "Cannot include the same APIRouter instance into itself. Did you mean to include a different router?");
    assert(!router.contains(this), "Cannot include an APIRouter instance that already includes this router. Did you mean to include a different router?");
    const prefix = options.prefix ?? "";
    if (prefix) {
      assert(prefix.startsWith("/"), "A path prefix must start with '/'");
      assert(!prefix.endsWith("/"), "A path prefix must not end with '/', as the routes will start with '/'");
    } else {
      for (const route of effectiveRoutes(router.routes)) {
        const { path, name } = route as { path?: unknown; name?: unknown };
        // Python's getattr(route, "name", "unknown"), None printed as None.
        if (path === "") throw new FastAPIError(`Prefix and path cannot be both empty (path operation: ${name === undefined ? "unknown" : (name ?? "None")})`);
      }
    }
    const context: IncludeContext = {
      prefix: this.prefix + prefix,
      tags: [...this.tags, ...(options.tags ?? [])],
      dependencies: [...this.dependencies, ...(options.dependencies ?? [])],
      defaultResponseClass: options.defaultResponseClass ?? this.defaultResponseClass,
      responses: { ...this.responses, ...options.responses },
      callbacks: [...this.callbacks, ...(options.callbacks ?? [])],
      deprecated: (options.deprecated ?? false) || this.deprecated,
      includeInSchema: this.includeInSchema && (options.includeInSchema ?? true),
      generateUniqueIdFunction: options.generateUniqueIdFunction ?? this.generateUniqueIdFunction,
    };
    this.routes.push(new IncludedRouter(router, context));
    this.version++;
  }

  private contains(router: APIRouter): boolean {
    return this.routes.some((r) => r instanceof IncludedRouter && (r.router === router || r.router.contains(router)));
  }
}
