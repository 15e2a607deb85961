// Port of starlette/applications.py, with FastAPI's route and middleware decorators.
import assert from "node:assert";
import type { ErrorClass, ExceptionHandler, HandlerResult } from "./_exception_handler.js";
import type { State, URLPath } from "./datastructures.js";
import type { HTTPException } from "./exceptions.js";
import type { Request } from "./requests.js";
import { BaseHTTPMiddleware, type DispatchFunction } from "./middleware/base.js";
import { ServerErrorMiddleware, type ServerErrorHandler } from "./middleware/errors.js";
import { ExceptionMiddleware } from "./middleware/exceptions.js";
import { Middleware, type MiddlewareFactory } from "./middleware/index.js";
import { type BaseRoute, type Endpoint, type Lifespan, Route, Router, type WebSocketHandler, WebSocketRoute } from "./routing.js";
import type { ASGIApp, ASGIAppLike, ASGIClass, ASGIInstance, Receive, Scope, Send } from "./types.js";
import type { WebSocket } from "./websockets.js";

export type ExceptionHandlerKey = number | ErrorClass;

/** An exception handler that receives the class it is registered for. */
export type TypedExceptionHandler<E> = (request: Request, exc: E) => HandlerResult | Promise<HandlerResult>;

/** The same for an error raised in a websocket route: the handler gets the WebSocket (and may close it). */
export type WebSocketExceptionHandler<E> = (websocket: WebSocket, exc: E) => HandlerResult | Promise<HandlerResult>;

/** `app.exceptionHandler(key)`: takes a handler of the Request, or of the WebSocket, and returns it. */
export interface ExceptionHandlerDecorator<E> {
  <H extends TypedExceptionHandler<E>>(fn: H): H;
  <H extends WebSocketExceptionHandler<E>>(fn: H): H;
}

export interface AppOptions {
  /** Send tracebacks in 500 responses. @default false */
  debug?: boolean;
  routes?: BaseRoute[];
  /** Outermost first. */
  middleware?: Middleware[];
  /** Keyed by status code or error class, as Python's dict. */
  exceptionHandlers?: Map<ExceptionHandlerKey, ExceptionHandler> | Array<[ExceptionHandlerKey, ExceptionHandler]>;
  lifespan?: Lifespan<App>;
}

export interface RouteDecoratorOptions {
  name?: string;
  includeInSchema?: boolean;
}

type Decorator<F> = <T extends F>(fn: T) => T;

/** `app.get(path)(handler)` (a decorator) or `app.get(path, handler)`. */
export interface MethodRegistrar {
  (path: string, options?: RouteDecoratorOptions): Decorator<Endpoint>;
  <T extends Endpoint>(path: string, handler: T, options?: RouteDecoratorOptions): T;
}

export interface WebSocketDecoratorOptions {
  name?: string;
}

/** `app.websocket(path)(handler)` (FastAPI's decorator) or `app.websocket(path, handler)`. */
export interface WebSocketRegistrar {
  (path: string, options?: WebSocketDecoratorOptions): Decorator<WebSocketHandler>;
  <T extends WebSocketHandler>(path: string, handler: T, options?: WebSocketDecoratorOptions): T;
}

/** `app.websocketRoute(path, endpoint)`, where the endpoint may be a WebSocketEndpoint class; or a decorator. */
export interface WebSocketRouteRegistrar {
  (path: string, options?: WebSocketDecoratorOptions): Decorator<WebSocketHandler | ASGIClass>;
  <T extends WebSocketHandler | ASGIClass | ASGIInstance>(path: string, endpoint: T, options?: WebSocketDecoratorOptions): T;
}

/**
 * The application (Starlette's `Starlette`, FastAPI's `FastAPI`).
 *
 * @example
 * const app = new App();
 * app.get("/")(() => ({ Hello: "World" }));
 */
export class App implements ASGIInstance {
  debug: boolean;
  readonly state: State = {};
  readonly router: Router;
  readonly exceptionHandlers: Map<ExceptionHandlerKey, ExceptionHandler>;
  /** Outermost first, as the stack will be built. */
  readonly userMiddleware: Middleware[];
  middlewareStack: ASGIApp | null = null;

  constructor(options: AppOptions = {}) {
    this.debug = options.debug ?? false;
    this.router = new Router({ routes: options.routes, lifespan: options.lifespan as Lifespan | undefined });
    this.exceptionHandlers = new Map(options.exceptionHandlers ?? []);
    this.userMiddleware = [...(options.middleware ?? [])];
  }

  /** [ServerErrorMiddleware, ...user middleware, ExceptionMiddleware] around the router. */
  private stackDefinition(): Middleware[] {
    let errorHandler: ServerErrorHandler | null = null;
    const handlers = new Map<ExceptionHandlerKey, ExceptionHandler>();
    for (const [key, value] of this.exceptionHandlers) {
      if (key === 500 || key === Error) errorHandler = value as ServerErrorHandler;
      else handlers.set(key, value);
    }
    return [
      new Middleware(ServerErrorMiddleware, { handler: errorHandler, debug: this.debug }),
      ...this.userMiddleware,
      new Middleware(ExceptionMiddleware, { handlers, debug: this.debug }),
    ];
  }

  buildMiddlewareStack(): ASGIApp {
    let app: ASGIApp = (scope, receive, send) => this.router.call(scope, receive, send);
    const definition = this.stackDefinition();
    for (let i = definition.length - 1; i >= 0; i--) app = definition[i].build(app);
    return app;
  }

  /** The names of the stack's layers, outermost first, ending with the router. */
  middlewareOrder(): string[] {
    return [...this.stackDefinition().map((m) => describe(m)), "Router"];
  }

  get routes(): BaseRoute[] {
    return this.router.routes;
  }

  urlPathFor(name: string, params: Record<string, unknown> = {}): string {
    return this.router.urlPathFor(name, params);
  }

  /** The path with its route's protocol, for `request.urlFor` (see Router.resolveUrlPath). */
  resolveUrlPath(name: string, params: Record<string, unknown> = {}): URLPath {
    return this.router.resolveUrlPath(name, params);
  }

  call(scope: Scope, receive: Receive, send: Send): Promise<void> {
    scope.app = this;
    try {
      this.middlewareStack ??= this.buildMiddlewareStack();
    } catch (exc) {
      return Promise.reject(exc); // a middleware's options refused: an error of this call, as ever
    }
    return this.middlewareStack(scope, receive, send);
  }

  /** This app as a plain ASGI function. */
  get asgi(): ASGIApp {
    return (scope, receive, send) => this.call(scope, receive, send);
  }

  mount(path: string, app: ASGIAppLike, name?: string): void {
    this.router.mount(path, app, name);
  }

  /** Wrap everything added so far: the last middleware added runs first. */
  addMiddleware<A extends unknown[]>(cls: MiddlewareFactory<A>, ...args: A): void {
    if (this.middlewareStack !== null) throw new Error("Cannot add middleware after an application has started");
    this.userMiddleware.unshift(new Middleware(cls, ...args) as unknown as Middleware);
  }

  /**
   * A handler for an error class (it receives that class's instances) or a status code (it
   * receives the HTTPException). It gets the Request, or the WebSocket in a websocket route.
   */
  addExceptionHandler<E>(key: abstract new (...args: never[]) => E, handler: TypedExceptionHandler<E>): void;
  addExceptionHandler<E>(key: abstract new (...args: never[]) => E, handler: WebSocketExceptionHandler<E>): void;
  addExceptionHandler(key: number, handler: TypedExceptionHandler<HTTPException<unknown>>): void;
  addExceptionHandler(key: number, handler: WebSocketExceptionHandler<HTTPException<unknown>>): void;
  addExceptionHandler(key: ExceptionHandlerKey, handler: TypedExceptionHandler<never> | WebSocketExceptionHandler<never>): void {
    this.exceptionHandlers.set(key, handler as unknown as ExceptionHandler);
  }

  addRoute(path: string, endpoint: Endpoint | ASGIInstance | ASGIClass, options: { methods?: string[] | null } & RouteDecoratorOptions = {}): void {
    this.router.routes.push(new Route(path, endpoint, options));
  }

  /**
   * Starlette's `@app.route(path, methods=[...])`: `app.route(path, options)(endpoint)`, or
   * `app.route(path, endpoint, options)`. The endpoint may be an HTTPEndpoint class.
   */
  route(path: string, options?: { methods?: string[] } & RouteDecoratorOptions): Decorator<Endpoint | ASGIClass>;
  route<T extends Endpoint | ASGIClass>(path: string, endpoint: T, options?: { methods?: string[] } & RouteDecoratorOptions): T;
  route(path: string, a?: Endpoint | ASGIClass | { methods?: string[] } & RouteDecoratorOptions, b?: { methods?: string[] } & RouteDecoratorOptions): unknown {
    const options = (typeof a === "function" ? b : a) ?? {};
    const register = <T extends Endpoint | ASGIClass>(endpoint: T): T => {
      this.addRoute(path, endpoint, options);
      return endpoint;
    };
    return typeof a === "function" ? register(a) : register;
  }

  private registrar(method: string): MethodRegistrar {
    return ((path: string, a?: Endpoint | RouteDecoratorOptions, b?: RouteDecoratorOptions) => {
      const options = (typeof a === "function" ? b : a) ?? {};
      const register: Decorator<Endpoint> = (fn) => {
        this.addRoute(path, fn, { ...options, methods: [method] });
        return fn;
      };
      return typeof a === "function" ? register(a) : register;
    }) as MethodRegistrar;
  }

  /** `@app.get(path)`: `app.get(path)(handler)` or `app.get(path, handler)`; likewise for each method. */
  readonly get = this.registrar("GET");
  readonly post = this.registrar("POST");
  readonly put = this.registrar("PUT");
  readonly patch = this.registrar("PATCH");
  readonly delete = this.registrar("DELETE");
  readonly head = this.registrar("HEAD");
  readonly options = this.registrar("OPTIONS");

  /** `app.websocket(path)(handler)`: a websocket route whose handler gets the WebSocket. */
  readonly websocket: WebSocketRegistrar = ((path: string, a?: WebSocketHandler | WebSocketDecoratorOptions, b?: WebSocketDecoratorOptions) => {
    const options = (typeof a === "function" ? b : a) ?? {};
    const register: Decorator<WebSocketHandler> = (fn) => {
      this.router.routes.push(new WebSocketRoute(path, fn, options));
      return fn;
    };
    return typeof a === "function" ? register(a as WebSocketHandler) : register;
  }) as WebSocketRegistrar;

  /** `app.websocketRoute(path, endpoint)`: a handler, a WebSocketEndpoint class or an ASGI object; `app.websocketRoute(path)(endpoint)` also. */
  readonly websocketRoute: WebSocketRouteRegistrar = ((path: string, a?: WebSocketHandler | ASGIClass | ASGIInstance | WebSocketDecoratorOptions, b?: WebSocketDecoratorOptions) => {
    const given = typeof a === "function" || typeof (a as Partial<ASGIInstance> | undefined)?.call === "function";
    const options = (given ? b : (a as WebSocketDecoratorOptions | undefined)) ?? {};
    const register = <T extends WebSocketHandler | ASGIClass | ASGIInstance>(endpoint: T): T => {
      this.router.addWebsocketRoute(path, endpoint, options);
      return endpoint;
    };
    return given ? register(a as WebSocketHandler | ASGIClass | ASGIInstance) : register;
  }) as WebSocketRouteRegistrar;

  /** FastAPI's `@app.middleware("http")`: the function becomes the new outermost middleware. */
  middleware(middlewareType: string): Decorator<DispatchFunction> {
    assert(middlewareType === "http", 'Currently only middleware("http") is supported.');
    return (fn) => {
      this.addMiddleware(BaseHTTPMiddleware, fn);
      return fn;
    };
  }

  /** FastAPI's `@app.exception_handler(key)`. */
  exceptionHandler<E>(key: abstract new (...args: never[]) => E): ExceptionHandlerDecorator<E>;
  exceptionHandler(key: number): ExceptionHandlerDecorator<HTTPException<unknown>>;
  exceptionHandler(key: ExceptionHandlerKey): ExceptionHandlerDecorator<never> {
    return (<H>(fn: H): H => {
      this.exceptionHandlers.set(key, fn as unknown as ExceptionHandler);
      return fn;
    }) as ExceptionHandlerDecorator<never>;
  }
}

function describe(m: Middleware): string {
  if (m.cls === BaseHTTPMiddleware && typeof m.args[0] === "function") {
    return `BaseHTTPMiddleware(${(m.args[0] as { name: string }).name || "<anonymous>"})`;
  }
  return m.name || "<anonymous>";
}
